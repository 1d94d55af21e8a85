#pragma once
// Drives a Room with a fake clock and collects what each member would receive.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "rapidfire/content/bank.hpp"
#include "rapidfire/core/room.hpp"

namespace rapidfire::core::testing {

using namespace protocol;

// A small bank: six questions over three topics; the first two carry key terms.
std::shared_ptr<content::Bank> make_test_bank();
std::shared_ptr<content::StudyGuide> make_test_guide();

class RoomHarness {
  public:
    explicit RoomHarness(RoomLimits limits = {});

    // Creates the room; the creator is member 1. Fails the test on refusal.
    void create(RoomKind kind, RoundSettings settings = {}, std::string nickname = "Host");
    std::optional<protocol::Error> try_create(RoomKind kind, RoundSettings settings);
    // Creates a matched pair's room: the interviewer is member 1, the candidate member 2.
    std::optional<protocol::Error> try_create_pair(const PairSpec& pair);
    MemberId join(const std::string& nickname);
    Seat try_join(const std::string& nickname, std::optional<std::string> password = {});
    Seat resume(const std::string& token);

    void send(MemberId from, const ClientMessage& message);
    void drop(MemberId member);
    // Moves the fake clock on and runs due timers, the way the shell does.
    void advance(Millis ms);
    // Runs timers until none is due before `ms` from now.
    void run_for(Millis ms);

    // Everything `member` received, in order; cleared by clear().
    const std::vector<ServerMessage>& inbox(MemberId member) { return inbox_[member]; }
    void clear() { inbox_.clear(); }

    template <class M>
    std::vector<M> all(MemberId member) {
        std::vector<M> found;
        for (const auto& message : inbox_[member]) {
            if (const auto* m = std::get_if<M>(&message))
                found.push_back(*m);
        }
        return found;
    }
    template <class M>
    M last(MemberId member) {
        auto found = all<M>(member);
        if (found.empty()) {
            ADD_FAILURE() << "member " << member << " received no " << M::type;
            return M{};
        }
        return found.back();
    }
    template <class M>
    int count(MemberId member) {
        return static_cast<int>(all<M>(member).size());
    }
    // The first error code the member received, if any.
    std::optional<ErrorCode> error_code(MemberId member);

    Room& room() { return *room_; }
    Millis now() const { return now_; }
    const std::string& host_token() const { return host_token_; }
    const std::string& token(MemberId member) { return tokens_[member]; }
    MemberId host() const { return 1; }
    // The correct choice of the open question (from the plan, via a reveal) is not known to
    // clients; tests read it from the question's choices and the bank's answer.
    int correct_choice(const Question& q) const;
    const content::Bank& bank() const { return *bank_; }

    // The identity secret create() and try_create() send (none by default).
    std::optional<std::string> identity;
    // The cards a review run starts from (the shell reads them from the record); none: the
    // server keeps no record.
    std::optional<learning::ReviewDeck> review;

    std::shared_ptr<content::Bank> bank_ = make_test_bank();
    std::shared_ptr<content::StudyGuide> guide_ = make_test_guide();

  private:
    void collect();

    RoomLimits limits_;
    std::unique_ptr<Entropy> entropy_ = make_seeded_entropy(7);
    std::unique_ptr<Room> room_;
    Millis now_ = 1'700'000'000'000;
    std::string host_token_;
    std::map<MemberId, std::string> tokens_;
    std::map<MemberId, std::vector<ServerMessage>> inbox_;
    MemberId max_member_ = 0;
};

}  // namespace rapidfire::core::testing
