#pragma once
// Drives a ClientState with server messages (encoded to frames, as they come off the wire) and
// typed lines, and keeps everything it printed and sent.

#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "rapidfire/client/client_state.hpp"

namespace rapidfire::client::testing {

using namespace protocol;

ClientConfig host_config(RoomKind kind = RoomKind::quiz, AnswerMode mode = AnswerMode::choice);
ClientConfig player_config();
ClientConfig solo_config(AnswerMode mode = AnswerMode::choice);
// A small guide with three tips: structure, think-aloud, honesty.
std::shared_ptr<const content::StudyGuide> small_guide();

// The `joined` a fresh player seat gets: alice, player 7, in room `code`.
Joined player_joined(const std::string& code = "ABC234", const std::string& token = "");

Question make_question(int index, int total, AnswerMode mode, Millis server_time,
                       Millis seconds = 20);

class StateHarness {
  public:
    explicit StateHarness(ClientConfig config) : state(std::move(config)) {}

    Effects feed(const ServerMessage& message);
    Effects type(const std::string& line);
    Effects drop();
    // The server's welcome on a new connection.
    Effects welcome();
    // Welcome, then the seat: room_created (host, solo) or joined (player).
    void seat(const std::string& code = "ABC234");
    // Welcome, then joined as "cand", a candidate in the interview room ABC234 run by Iris.
    void seat_candidate();

    // Everything sent so far of type M.
    template <class M>
    std::vector<M> sent_of() const {
        std::vector<M> found;
        for (const auto& message : sent) {
            if (const auto* m = std::get_if<M>(&message))
                found.push_back(*m);
        }
        return found;
    }
    template <class M>
    M last_sent() const {
        auto found = sent_of<M>();
        if (found.empty()) {
            ADD_FAILURE() << "nothing of type " << M::type << " was sent";
            return M{};
        }
        return found.back();
    }
    bool printed(const std::string& text) const;  // some stdout line contains `text`
    bool warned(const std::string& text) const;   // some stderr line contains `text`
    std::string transcript() const;               // stdout, for failure messages

    ClientState state;
    Millis now = 1'700'000'000'000;
    std::vector<std::string> out;
    std::vector<std::string> err;
    std::vector<ClientMessage> sent;
    std::optional<int> exit_code;
    std::optional<std::string> summary;

  private:
    Effects keep(Effects fx);
};

}  // namespace rapidfire::client::testing
