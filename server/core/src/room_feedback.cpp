// A matched pair's feedback: asked of both sides once the second turn is over, checked and
// recorded as each side sends it, and exchanged when both have sent theirs or the time is up.

#include <algorithm>

#include "control_characters.hpp"
#include "rapidfire/core/answer_matching.hpp"
#include "room_ops.hpp"

namespace rapidfire::core::ops {

using namespace protocol;
using Stage = PairTurns::Stage;

namespace {

constexpr int lowest_score = 1;
constexpr int highest_score = 5;

std::optional<Feedback>& given_by(State& s, const Member& m) {
    return s.pair->given[m.id - 1];
}

// The study guide's tips are the areas a side may rate.
std::vector<FeedbackArea> feedback_areas(const State& s) {
    std::vector<FeedbackArea> areas;
    if (s.deps.guide) {
        for (const auto& tip : s.deps.guide->tips)
            areas.push_back(FeedbackArea{tip.id, tip.title});
    }
    return areas;
}

bool known_area(const State& s, const std::string& area) {
    return s.deps.guide && std::any_of(s.deps.guide->tips.begin(), s.deps.guide->tips.end(),
                                       [&](const auto& tip) { return tip.id == area; });
}

// Feedback is a few lines: line breaks and tabs are kept, every other control is refused.
bool has_controls_besides_line_breaks(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    std::replace(text.begin(), text.end(), '\t', ' ');
    return has_control_characters(text);
}

FeedbackRequest request_for(const State& s, const Member& m) {
    return FeedbackRequest{partner_of(s, m).nickname, feedback_areas(s), s.pair->feedback_deadline};
}

// What `m`'s partner said about them: sent=false when the partner sent nothing in time.
PartnerFeedback partner_feedback_for(const State& s, const Member& m) {
    const Member& partner = partner_of(s, m);
    PartnerFeedback out;
    out.from = partner.nickname;
    const auto& theirs = s.pair->given[partner.id - 1];
    if (theirs) {
        out.sent = true;
        out.ratings = theirs->ratings;
        out.went_well = theirs->went_well;
        out.work_on = theirs->work_on;
    }
    return out;
}

}  // namespace

void request_feedback(State& s, Millis now) {
    s.pair->stage = Stage::feedback;
    s.pair->feedback_deadline = now + s.deps.limits.feedback_ms;
    for (const auto& m : s.members) {
        if (m.active && m.connected)
            emit(s, Audience::to(m.id), request_for(s, m));
    }
}

void record_feedback(State& s, Member& from, const Feedback& feedback, Millis now) {
    auto refuse = [&](ErrorCode code, std::string message, std::string field = {}) {
        send_error(s, from.id, code, std::move(message), Feedback::type, std::move(field));
    };
    if (!s.pair) {
        return refuse(ErrorCode::wrong_state,
                      "feedback is for the two sides of a matched interview");
    }
    if (given_by(s, from))
        return refuse(ErrorCode::already_sent, "you have already sent your feedback");
    if (s.pair->stage != Stage::feedback) {
        return refuse(ErrorCode::wrong_state,
                      "feedback is taken after both turns, until its deadline");
    }
    Feedback cleaned;
    for (std::size_t i = 0; i < feedback.ratings.size(); ++i) {
        const Rating& rating = feedback.ratings[i];
        const std::string field = "ratings[" + std::to_string(i) + "]";
        if (!known_area(s, rating.area)) {
            return refuse(ErrorCode::out_of_range, "no area '" + rating.area + "' to rate",
                          field + ".area");
        }
        if (std::any_of(cleaned.ratings.begin(), cleaned.ratings.end(),
                        [&](const Rating& r) { return r.area == rating.area; })) {
            return refuse(ErrorCode::out_of_range, "the area '" + rating.area + "' is rated twice",
                          field + ".area");
        }
        if (rating.score < lowest_score || rating.score > highest_score) {
            return refuse(ErrorCode::out_of_range,
                          "rate from " + std::to_string(lowest_score) + " to " +
                              std::to_string(highest_score),
                          field + ".score");
        }
        cleaned.ratings.push_back(rating);
    }
    cleaned.went_well = trim(feedback.went_well);
    if (has_controls_besides_line_breaks(cleaned.went_well))
        return refuse(ErrorCode::out_of_range, "the text has control characters", "went_well");
    cleaned.work_on = trim(feedback.work_on);
    if (has_controls_besides_line_breaks(cleaned.work_on))
        return refuse(ErrorCode::out_of_range, "the text has control characters", "work_on");

    s.journal.emplace_back(FeedbackGiven{s.code, s.round, from.nickname,
                                         partner_of(s, from).nickname, cleaned.ratings,
                                         cleaned.went_well, cleaned.work_on, now});
    given_by(s, from) = std::move(cleaned);
    emit(s, Audience::to(from.id), FeedbackSaved{});
    if (s.pair->given[0] && s.pair->given[1])
        exchange_feedback(s);
}

void exchange_feedback(State& s) {
    s.pair->stage = Stage::over;
    s.pair->exchanged = true;
    for (const auto& m : s.members) {
        if (m.active && m.connected)
            emit(s, Audience::to(m.id), partner_feedback_for(s, m));
    }
}

void send_feedback_snapshot(State& s, const Member& m) {
    if (!s.pair)
        return;
    if (s.pair->stage == Stage::feedback && !given_by(s, m))
        emit(s, Audience::to(m.id), request_for(s, m));
    if (s.pair->exchanged)
        emit(s, Audience::to(m.id), partner_feedback_for(s, m));
}

}  // namespace rapidfire::core::ops
