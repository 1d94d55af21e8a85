#pragma once
// One round (one game) as the client follows it: the question open now and this client's answer
// to it, the host's judging, and the end-of-game messages received. A rematch starts the next
// round from a fresh Round; the seat, the roster, the clock and the queued input carry over.

#include <cstddef>
#include <optional>
#include <string>

#include "rapidfire/client/countdown.hpp"
#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::client {

// This client's answer to the current question.
enum class AnswerStatus {
    open,  // none sent, or the one sent was refused
    sent,  // sent and not acknowledged yet
    taken  // the server took it (or said it already had one)
};

// Self mode: grading oneself after a reveal with grading.
enum class Grading {
    none,  // not asked (no grading reveal, or nothing answered)
    due,   // asked, no grade sent yet
    sent   // graded
};

// What the judge is typing for the group in turn.
enum class JudgeStep { verdict, comment, tips };

// The host's judging of one question: the answer groups, marked one at a time.
struct Judging {
    protocol::JudgeRequest request;
    std::size_t next = 0;  // the group in turn; request.groups.size() when all are marked
    JudgeStep step = JudgeStep::verdict;
    // A mark whose comment and tips are still being typed (interactive interviews).
    protocol::Verdict verdict = protocol::Verdict::wrong;
    std::optional<std::string> comment;
    // With the server's judging time (--judging): when, on the local clock, the groups left get
    // their suggested marks.
    std::optional<Millis> applies_at;
    std::vector<int> marked_here;  // groups this client marked itself
    bool accepted = false;         // 'a' was sent: the suggestions applied are the host's doing
    bool time_up_told = false;

    bool pending() const { return next < request.groups.size(); }
};

struct Round {
    // The current question.
    std::optional<protocol::Question> question;
    AnswerStatus answer = AnswerStatus::open;
    std::optional<protocol::Answer> last_answer;
    bool resend_answer = false;  // a resumed connection lost the answer that was sent
    Grading grading = Grading::none;
    std::optional<Millis> next_at;  // local time the next question opens
    int answered_count = 0;
    int expected_count = 0;

    // Judging (host).
    std::optional<Judging> judging;

    // The end.
    std::optional<protocol::EndReason> end_reason;
    int summaries_expected = 0;
    int summaries_received = 0;
    bool final_received = false;
    bool best_settled = false;  // solo: personal_best arrived, or the wait for it is over
    bool done = false;          // every end-of-game message of this round is in
};

}  // namespace rapidfire::client
