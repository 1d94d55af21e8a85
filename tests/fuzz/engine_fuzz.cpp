// libFuzzer target: drives a Room with an arbitrary sequence of commands and clock steps and
// checks the game's invariants after every step:
//   - no crash, no exception;
//   - scores never negative;
//   - at most one accepted answer per player per question;
//   - standings sorted by rank, points never increasing down the table;
//   - no answer accepted after its deadline plus the grace.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>

#include "rapidfire/content/bank.hpp"
#include "rapidfire/core/room.hpp"

namespace {

using namespace rapidfire;
using namespace rapidfire::protocol;
using core::MemberId;

// Reads the fuzzer's bytes as a stream of small decisions.
class Bytes {
  public:
    Bytes(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
    bool empty() const { return pos_ >= size_; }
    std::uint8_t next() { return pos_ < size_ ? data_[pos_++] : 0; }
    int below(int bound) { return bound <= 0 ? 0 : next() % bound; }

  private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t pos_ = 0;
};

[[noreturn]] void violated(const char* what) {
    __builtin_trap();
    (void)what;
}

void check(bool ok, const char* what) {
    if (!ok)
        violated(what);
}

std::shared_ptr<content::Bank> make_bank() {
    auto bank = std::make_shared<content::Bank>();
    for (int i = 0; i < 6; ++i) {
        bank->questions.push_back({"q" + std::to_string(i),
                                   {i % 2 ? "odd" : "even"},
                                   "Question " + std::to_string(i) + "?",
                                   "Answer number " + std::to_string(i) + " with terms.",
                                   {}});
    }
    return bank;
}

std::shared_ptr<content::StudyGuide> make_guide() {
    auto guide = std::make_shared<content::StudyGuide>();
    guide->tips = {{"structure", "Structure", ""}, {"honesty", "Honesty", ""}};
    return guide;
}

struct Observer {
    Millis now = 1'700'000'000'000;
    Millis deadline = 0;  // of the open question, as last announced
    int question = -1;
    std::set<std::pair<MemberId, int>> accepted;

    void see(core::Room& room, MemberId max_member) {
        for (auto& out : room.take_outbox()) {
            std::visit(
                [&](const auto& m) {
                    using M = std::decay_t<decltype(m)>;
                    if constexpr (std::is_same_v<M, Question>) {
                        question = m.question;
                        deadline = m.deadline;
                    } else if constexpr (std::is_same_v<M, TimeExtended> ||
                                         std::is_same_v<M, Continued>) {
                        if (m.deadline > 0)
                            deadline = m.deadline;
                    } else if constexpr (std::is_same_v<M, AnswerAccepted>) {
                        check(out.audience.kind == core::Audience::Kind::member, "ack audience");
                        check(accepted.insert({out.audience.member, m.question}).second,
                              "second answer accepted");
                        check(now <= deadline + 250, "answer accepted after the deadline");
                    } else if constexpr (std::is_same_v<M, Result>) {
                        check(m.points >= 0 && m.total >= 0, "negative score");
                    } else if constexpr (std::is_same_v<M, Standings> ||
                                         std::is_same_v<M, GameOver>) {
                        const auto& rows = [&]() -> const std::vector<Standing>& {
                            if constexpr (std::is_same_v<M, Standings>) {
                                return m.top;
                            } else {
                                return m.standings;
                            }
                        }();
                        for (std::size_t i = 0; i < rows.size(); ++i) {
                            check(rows[i].points >= 0, "negative standing");
                            check(rows[i].rank == static_cast<int>(i) + 1, "ranks out of order");
                            if (i > 0)
                                check(rows[i - 1].points >= rows[i].points, "unsorted");
                        }
                    } else if constexpr (std::is_same_v<M, FinalResult>) {
                        check(m.points >= 0, "negative final score");
                    }
                },
                out.message);
        }
        (void)max_member;
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Bytes in(data, size);
    static auto bank = make_bank();
    static auto guide = make_guide();
    auto entropy = core::make_seeded_entropy(in.next());
    core::RoomLimits limits;
    limits.resume_grace_ms = 5'000 + in.below(4) * 5'000;

    const RoomKind kind = static_cast<RoomKind>(in.below(3));
    RoundSettings settings;
    settings.mode = static_cast<AnswerMode>(in.below(3));
    settings.seconds = 5 + in.below(20);
    settings.reveal_seconds = in.below(4);
    settings.judging_seconds = in.below(3) * 5;
    if (kind == RoomKind::solo)
        settings.clock = static_cast<ClockMode>(in.below(2));
    settings.questions = 1 + in.below(6);

    Observer seen;
    auto created =
        core::Room::create("ABCDEF", CreateRoom{kind, "host", settings},
                           core::RoomDeps{bank, guide, limits, entropy.get(), std::nullopt});
    if (!std::holds_alternative<std::unique_ptr<core::Room>>(created))
        return 0;
    auto room = std::move(std::get<std::unique_ptr<core::Room>>(created));

    std::string host_token;
    std::map<MemberId, std::string> tokens;
    for (auto& out : room->take_outbox()) {
        if (const auto* c = std::get_if<RoomCreated>(&out.message)) {
            host_token = c->host_token;
            tokens[1] = c->resume_token;
        }
    }
    MemberId max_member = 1;

    while (!in.empty()) {
        const int op = in.below(16);
        const MemberId who = 1 + in.below(static_cast<int>(max_member));
        const std::string token = in.below(8) == 0 ? "forged" : host_token;
        switch (op) {
            case 0: {
                auto seat =
                    room->join(Join{"ABCDEF", "p" + std::to_string(in.below(12)), {}}, seen.now);
                if (const auto* id = std::get_if<MemberId>(&seat)) {
                    max_member = std::max(max_member, *id);
                }
                break;
            }
            case 1:
                // Mostly the open question, sometimes its neighbours.
                room->handle(who, Answer{seen.question + in.below(3) - 1, in.below(5), {}},
                             seen.now);
                break;
            case 2:
                room->handle(who,
                             Answer{seen.question,
                                    {},
                                    std::string("Answer number ") + std::to_string(in.below(6))},
                             seen.now);
                break;
            case 3:
                seen.now += in.below(4) == 0 ? in.next() * 250 : in.next() * 10;
                room->tick(seen.now);
                break;
            case 4:
                room->handle(who, Start{token}, seen.now);
                break;
            case 5:
                room->handle(who, Pause{token}, seen.now);
                break;
            case 6:
                room->handle(who, Continue{token}, seen.now);
                break;
            case 7:
                room->handle(who, Skip{token}, seen.now);
                break;
            case 8:
                room->handle(who, Extend{token, in.below(40) - 5}, seen.now);
                break;
            case 9:
                room->handle(who,
                             Judge{token,
                                   seen.question,
                                   in.below(4),
                                   static_cast<Verdict>(in.below(3)),
                                   {},
                                   {}},
                             seen.now);
                break;
            case 10:
                room->handle(who, AcceptSuggestions{token, seen.question}, seen.now);
                break;
            case 11:
                room->handle(who, Grade{seen.question, static_cast<SelfGrade>(in.below(4))},
                             seen.now);
                break;
            case 12:
                room->disconnected(who, seen.now);
                break;
            case 13: {
                auto seat = room->resume(
                    std::string(room->code()) + "." + std::to_string(in.below(3)), seen.now);
                (void)seat;
                break;
            }
            case 14:
                room->handle(who, Kick{token, 1 + in.below(static_cast<int>(max_member))},
                             seen.now);
                break;
            case 15:
                room->handle(who,
                             in.below(2) ? ClientMessage{Lock{token, in.below(2) == 0}}
                                         : ClientMessage{EndGame{token}},
                             seen.now);
                break;
        }
        seen.see(*room, max_member);
        const auto wake = room->next_wakeup();
        check(!wake || *wake >= 0, "wakeup in the past epoch");
    }
    return 0;
}
