// The matching queue with a fake clock: pairing order, level relaxation, confirmations and
// no-shows, disconnects, no repeat partners, limits and errors.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "rapidfire/core/matcher.hpp"
#include "room_harness.hpp"

namespace rapidfire::core {
namespace {

using namespace protocol;
using testing::make_test_bank;

// Two questions per topic: evaluation, regularization, optimization.
class MatcherTest : public ::testing::Test {
  protected:
    explicit MatcherTest(MatchLimits limits = {}) : matcher_(make_test_bank(), limits) {}

    void join(TicketId id, const std::string& nickname, std::vector<std::string> topics,
              MatchRole role = MatchRole::either, std::optional<Level> level = {},
              std::optional<std::string> identity = {}) {
        MatchJoin request;
        request.nickname = nickname;
        request.topics = std::move(topics);
        request.role = role;
        request.level = level;
        request.identity = std::move(identity);
        matcher_.join(id, request, now_);
        collect();
    }
    void leave(TicketId id) {
        matcher_.leave(id, now_);
        collect();
    }
    void confirm(TicketId id) {
        matcher_.confirm(id, now_);
        collect();
    }
    void drop(TicketId id) {
        matcher_.disconnected(id, now_);
        collect();
    }
    // Moves the clock on, running every wakeup on the way as the shell's timer would.
    void advance(Millis ms) {
        const Millis until = now_ + ms;
        while (auto due = matcher_.next_wakeup()) {
            if (*due > until)
                break;
            now_ = std::max(now_, *due);
            matcher_.tick(now_);
            collect();
        }
        now_ = until;
        matcher_.tick(now_);
        collect();
    }

    void collect() {
        for (auto& out : matcher_.take_outbox()) {
            inbox_[out.to].push_back(out.message);
            if (out.ended)
                ended_.push_back(out.to);
        }
        for (auto& pair : matcher_.take_pairs())
            pairs_.push_back(std::move(pair));
    }

    template <class M>
    std::vector<M> all(TicketId id) {
        std::vector<M> found;
        for (const auto& message : inbox_[id]) {
            if (const auto* m = std::get_if<M>(&message))
                found.push_back(*m);
        }
        return found;
    }
    template <class M>
    M last(TicketId id) {
        auto found = all<M>(id);
        if (found.empty()) {
            ADD_FAILURE() << "ticket " << id << " received no " << M::type;
            return M{};
        }
        return found.back();
    }
    bool ended(TicketId id) const {
        return std::find(ended_.begin(), ended_.end(), id) != ended_.end();
    }
    void clear() {
        inbox_.clear();
        ended_.clear();
    }

    Matcher matcher_;
    Millis now_ = 1'000'000;
    std::map<TicketId, std::vector<ServerMessage>> inbox_;
    std::vector<TicketId> ended_;
    std::vector<MatchedPair> pairs_;
};

TEST_F(MatcherTest, AWaitingPlayerIsToldWhereTheyStand) {
    join(1, "Ada", {"evaluation"}, MatchRole::either, Level::intermediate);
    const auto status = last<MatchStatus>(1);
    EXPECT_EQ(status.position, 1);
    EXPECT_EQ(status.waiting, 1);
    ASSERT_EQ(status.topics.size(), 1u);
    EXPECT_EQ(status.topics[0].topic, "evaluation");
    EXPECT_EQ(status.topics[0].waiting, 1);
    EXPECT_EQ(status.wider_at, now_ + 30'000);
    EXPECT_FALSE(status.requeued);
    EXPECT_EQ(matcher_.waiting(), 1u);
}

TEST_F(MatcherTest, TwoWhoFitAreProposedAndPairedOnceBothConfirm) {
    join(1, "Ada", {"evaluation"});
    join(2, "Bo", {"evaluation", "optimization"});
    const auto to_ada = last<MatchProposed>(1);
    const auto to_bo = last<MatchProposed>(2);
    EXPECT_EQ(to_ada.partner, "Bo");
    EXPECT_EQ(to_bo.partner, "Ada");
    // Both open to either role: the one who waited longer interviews first.
    EXPECT_EQ(to_ada.role, MatchRole::interviewer);
    EXPECT_EQ(to_bo.role, MatchRole::candidate);
    EXPECT_EQ(to_ada.topics, std::vector<std::string>{"evaluation"});
    EXPECT_EQ(to_ada.confirm_by, now_ + 20'000);
    EXPECT_EQ(matcher_.waiting(), 0u);
    EXPECT_EQ(matcher_.proposed(), 2u);

    confirm(1);
    EXPECT_TRUE(pairs_.empty());
    confirm(2);
    ASSERT_EQ(pairs_.size(), 1u);
    EXPECT_EQ(pairs_[0].interviewer, 1u);
    EXPECT_EQ(pairs_[0].candidate, 2u);
    EXPECT_EQ(pairs_[0].spec.interviewer.nickname, "Ada");
    EXPECT_EQ(pairs_[0].spec.candidate.nickname, "Bo");
    EXPECT_EQ(pairs_[0].spec.topics, std::vector<std::string>{"evaluation"});
    EXPECT_EQ(matcher_.proposed(), 0u);
    // Nothing waits for the deadline any more.
    advance(60'000);
    EXPECT_TRUE(all<MatchLeft>(1).empty());
    EXPECT_TRUE(all<MatchLeft>(2).empty());
}

TEST_F(MatcherTest, TheOldestWaitingWhoFitsIsPairedFirst) {
    join(1, "Ada", {"evaluation"}, MatchRole::interviewer);
    advance(1'000);
    join(2, "Bo", {"evaluation"}, MatchRole::interviewer);
    EXPECT_TRUE(all<MatchProposed>(1).empty());  // two interviewers do not fit
    advance(1'000);
    join(3, "Cy", {"evaluation"}, MatchRole::candidate);
    EXPECT_EQ(last<MatchProposed>(3).partner, "Ada");
    EXPECT_EQ(last<MatchProposed>(3).role, MatchRole::candidate);
    EXPECT_EQ(last<MatchProposed>(1).role, MatchRole::interviewer);
    EXPECT_TRUE(all<MatchProposed>(2).empty());
}

TEST_F(MatcherTest, TopicsMustOverlapAndNoTopicMeansAny) {
    join(1, "Ada", {"evaluation"});
    join(2, "Bo", {"regularization"});
    EXPECT_TRUE(all<MatchProposed>(1).empty());
    EXPECT_TRUE(all<MatchProposed>(2).empty());
    join(3, "Cy", {});  // any topic: fits the oldest
    EXPECT_EQ(last<MatchProposed>(3).partner, "Ada");
    EXPECT_EQ(last<MatchProposed>(3).topics, std::vector<std::string>{"evaluation"});
    join(4, "Di", {"optimization", "regularization"});
    EXPECT_EQ(last<MatchProposed>(4).partner, "Bo");
    EXPECT_EQ(last<MatchProposed>(4).topics, std::vector<std::string>{"regularization"});
}

TEST_F(MatcherTest, ACandidateFirstMeetsSomeoneWhoInterviewsFirst) {
    join(1, "Ada", {"evaluation"}, MatchRole::candidate);
    join(2, "Bo", {"evaluation"}, MatchRole::candidate);
    EXPECT_TRUE(all<MatchProposed>(1).empty());
    join(3, "Cy", {"evaluation"}, MatchRole::either);
    // Cy is newer but Ada asked to answer first, so Cy interviews first.
    EXPECT_EQ(last<MatchProposed>(3).role, MatchRole::interviewer);
    EXPECT_EQ(last<MatchProposed>(1).role, MatchRole::candidate);
    confirm(1);
    confirm(3);
    ASSERT_EQ(pairs_.size(), 1u);
    EXPECT_EQ(pairs_[0].interviewer, 3u);
    EXPECT_EQ(pairs_[0].candidate, 1u);
}

TEST_F(MatcherTest, TheSameLevelIsPreferredToANeighbouringOne) {
    join(1, "Ada", {"evaluation"}, MatchRole::interviewer, Level::intermediate);
    advance(1'000);
    join(2, "Bo", {"evaluation"}, MatchRole::interviewer, Level::beginner);
    advance(40'000);  // both may take a neighbouring level now
    join(3, "Cy", {"evaluation"}, MatchRole::candidate, Level::beginner);
    // Ada waited longer, but Bo is at Cy's level.
    EXPECT_EQ(last<MatchProposed>(3).partner, "Bo");
    EXPECT_TRUE(all<MatchProposed>(1).empty());
    join(4, "Di", {"evaluation"}, MatchRole::candidate, Level::advanced);
    EXPECT_EQ(last<MatchProposed>(4).partner, "Ada");  // a neighbour, after Ada's wait
}

TEST_F(MatcherTest, NeighbouringLevelsWaitForThirtySecondsAndFarLevelsNeverMeet) {
    join(1, "Ada", {"evaluation"}, MatchRole::either, Level::beginner);
    join(2, "Bo", {"evaluation"}, MatchRole::either, Level::advanced);
    advance(5'000);
    join(3, "Cy", {"evaluation"}, MatchRole::either, Level::intermediate);
    ASSERT_TRUE(matcher_.next_wakeup().has_value());
    advance(24'999);
    EXPECT_TRUE(all<MatchProposed>(1).empty());
    EXPECT_TRUE(all<MatchProposed>(3).empty());
    advance(1);
    // At 30 s the oldest, Ada, takes Cy; Bo (two levels from Ada) is never proposed to her.
    EXPECT_EQ(last<MatchProposed>(1).partner, "Cy");
    advance(600'000);
    EXPECT_TRUE(all<MatchProposed>(2).empty());
    EXPECT_EQ(last<MatchStatus>(2).position, 1);
}

TEST_F(MatcherTest, ANoShowPutsThePartnerWhoConfirmedBackAtTheFront) {
    join(1, "Old", {"regularization"});
    advance(1'000);
    join(2, "Ada", {"evaluation"});
    join(3, "Bo", {"evaluation"});
    confirm(2);
    advance(19'999);
    EXPECT_TRUE(all<MatchLeft>(3).empty());
    clear();
    advance(1);
    EXPECT_EQ(last<MatchLeft>(3).reason, MatchLeftReason::no_show);
    EXPECT_TRUE(ended(3));
    EXPECT_FALSE(ended(2));
    const auto status = last<MatchStatus>(2);
    EXPECT_EQ(status.requeued, Requeued::partner_no_show);
    EXPECT_EQ(status.position, 1);  // ahead of Old, who joined earlier
    EXPECT_EQ(status.waiting, 2);
    EXPECT_TRUE(pairs_.empty());
    // Bo's confirmation comes too late: the ticket is gone.
    confirm(3);
    EXPECT_EQ(last<Error>(3).code, ErrorCode::not_queued);
}

TEST_F(MatcherTest, WhenNeitherConfirmsBothLeave) {
    join(1, "Ada", {"evaluation"});
    join(2, "Bo", {"evaluation"});
    advance(20'000);
    EXPECT_EQ(last<MatchLeft>(1).reason, MatchLeftReason::no_show);
    EXPECT_EQ(last<MatchLeft>(2).reason, MatchLeftReason::no_show);
    EXPECT_EQ(matcher_.waiting() + matcher_.proposed(), 0u);
}

TEST_F(MatcherTest, DecliningRequeuesThePartner) {
    join(1, "Ada", {"evaluation"});
    join(2, "Bo", {"evaluation"});
    confirm(1);
    leave(2);
    EXPECT_EQ(last<MatchLeft>(2).reason, MatchLeftReason::declined);
    EXPECT_TRUE(ended(2));
    EXPECT_EQ(last<MatchStatus>(1).requeued, Requeued::partner_declined);
    // Ada waits again and is proposed to the next who fits.
    join(3, "Cy", {"evaluation"});
    EXPECT_EQ(last<MatchProposed>(3).partner, "Ada");
}

TEST_F(MatcherTest, ATicketDiesWithItsConnection) {
    join(1, "Ada", {"evaluation"});
    drop(1);
    EXPECT_EQ(matcher_.waiting(), 0u);
    join(2, "Bo", {"evaluation"});
    EXPECT_TRUE(all<MatchProposed>(2).empty());
    join(3, "Cy", {"evaluation"});
    clear();
    drop(3);  // during the proposal
    EXPECT_TRUE(inbox_[3].empty());
    EXPECT_EQ(last<MatchStatus>(2).requeued, Requeued::partner_gone);
    EXPECT_EQ(matcher_.waiting(), 1u);
}

TEST_F(MatcherTest, TheSameTwoAreNotPairedAgainWhileAnotherPartnerWaits) {
    const std::string ada(22, 'a');
    const std::string bo(22, 'b');
    join(1, "Ada", {"evaluation"}, MatchRole::either, {}, ada);
    join(2, "Bo", {"evaluation"}, MatchRole::either, {}, bo);
    confirm(1);
    confirm(2);
    ASSERT_EQ(pairs_.size(), 1u);

    // Bo comes back and waits longest; Cy waits too (two interviewers do not fit each other).
    join(12, "Bo", {"evaluation"}, MatchRole::interviewer, {}, bo);
    advance(1'000);
    join(13, "Cy", {"evaluation"}, MatchRole::interviewer, {}, std::string(22, 'c'));
    join(11, "Ada", {"evaluation"}, MatchRole::candidate, {}, ada);
    // Ada has met Bo: Cy is proposed although Bo waited longer.
    EXPECT_EQ(last<MatchProposed>(11).partner, "Cy");

    // With nobody else there, the two meet again rather than wait.
    leave(11);
    drop(13);
    join(21, "Ada", {"evaluation"}, MatchRole::candidate, {}, ada);
    EXPECT_EQ(last<MatchProposed>(21).partner, "Bo");
}

TEST_F(MatcherTest, WithoutAnIdentityThePersonIsTheirNickname) {
    join(1, "Ada", {"evaluation"});
    join(2, "Bo", {"evaluation"});
    confirm(1);
    confirm(2);
    join(12, "bo", {"evaluation"}, MatchRole::interviewer);  // nicknames fold their case
    join(13, "Cy", {"evaluation"}, MatchRole::interviewer);
    join(11, "Ada", {"evaluation"}, MatchRole::candidate);
    EXPECT_EQ(last<MatchProposed>(11).partner, "Cy");
}

TEST_F(MatcherTest, TwoPeopleOfOneNicknameAreNotPairedWithEachOther) {
    join(1, "Alex", {"evaluation"}, MatchRole::either, {}, std::string(22, 'a'));
    join(2, "ALEX", {"evaluation"}, MatchRole::either, {}, std::string(22, 'b'));
    EXPECT_TRUE(all<MatchProposed>(2).empty());
    join(3, "Sam", {"evaluation"});
    EXPECT_EQ(last<MatchProposed>(3).partner, "Alex");
}

TEST_F(MatcherTest, OnePersonIsNeverPairedWithThemselves) {
    const std::string ada(22, 'a');
    join(1, "Ada", {"evaluation"}, MatchRole::either, {}, ada);
    join(2, "Ada on her phone", {"evaluation"}, MatchRole::either, {}, ada);
    EXPECT_TRUE(all<MatchProposed>(1).empty());
    EXPECT_EQ(matcher_.waiting(), 2u);
}

TEST_F(MatcherTest, BadJoinsAreRefusedWithTheirCodes) {
    join(1, "  ", {"evaluation"});
    EXPECT_EQ(last<Error>(1).code, ErrorCode::invalid_nickname);
    EXPECT_TRUE(ended(1));
    join(2, "Ada", {"evaluation", "astrology"});
    EXPECT_EQ(last<Error>(2).code, ErrorCode::unknown_topic);
    EXPECT_EQ(last<Error>(2).field, "topics[1]");
    EXPECT_EQ(last<Error>(2).request, "match_join");
    EXPECT_TRUE(ended(2));
    join(3, "Ada", {"evaluation"}, MatchRole::either, {}, std::string("short"));
    EXPECT_EQ(last<Error>(3).code, ErrorCode::out_of_range);
    EXPECT_EQ(last<Error>(3).field, "identity");
    EXPECT_EQ(matcher_.waiting(), 0u);

    join(4, "Ada", {"evaluation"}, MatchRole::interviewer);
    join(4, "Ada", {"evaluation"}, MatchRole::interviewer);
    EXPECT_EQ(last<Error>(4).code, ErrorCode::already_queued);
    EXPECT_FALSE(ended(4));  // the first ticket stands
    EXPECT_EQ(matcher_.waiting(), 1u);

    confirm(4);
    EXPECT_EQ(last<Error>(4).code, ErrorCode::wrong_state);
    leave(5);
    EXPECT_EQ(last<Error>(5).code, ErrorCode::not_queued);
    confirm(5);
    EXPECT_EQ(last<Error>(5).code, ErrorCode::not_queued);
    EXPECT_EQ(matcher_.waiting(), 1u);
}

TEST_F(MatcherTest, TopicsWithFewerThanTwoQuestionsCannotHoldTwoTurns) {
    auto bank = make_test_bank();
    bank->questions.push_back({"q7", {"kernels"}, "What is a kernel?", "A similarity.", {}});
    Matcher matcher(bank, {});
    MatchJoin request;
    request.nickname = "Ada";
    request.topics = {"kernels"};
    matcher.join(1, request, now_);
    const auto out = matcher.take_outbox();
    ASSERT_EQ(out.size(), 1u);
    ASSERT_TRUE(std::holds_alternative<Error>(out[0].message));
    EXPECT_EQ(std::get<Error>(out[0].message).code, ErrorCode::invalid_settings);
    EXPECT_TRUE(out[0].ended);
}

class SmallQueueTest : public MatcherTest {
  protected:
    SmallQueueTest() : MatcherTest(limits()) {}
    static MatchLimits limits() {
        MatchLimits limits;
        limits.max_tickets = 2;
        return limits;
    }
};

TEST_F(SmallQueueTest, AFullQueueRefusesWithQueueFull) {
    join(1, "Ada", {"evaluation"}, MatchRole::interviewer);
    join(2, "Bo", {"evaluation"}, MatchRole::interviewer);
    join(3, "Cy", {"evaluation"}, MatchRole::candidate);
    EXPECT_EQ(last<Error>(3).code, ErrorCode::queue_full);
    EXPECT_TRUE(ended(3));
    leave(2);
    join(3, "Cy", {"evaluation"}, MatchRole::candidate);
    EXPECT_EQ(last<MatchProposed>(3).partner, "Ada");
}

TEST_F(MatcherTest, StatusesAreCoalescedAndOnlySentWhenTheyChange) {
    join(1, "Ada", {"evaluation"}, MatchRole::interviewer);
    ASSERT_EQ(all<MatchStatus>(1).size(), 1u);
    for (TicketId id = 2; id <= 6; ++id)
        join(id, "Player " + std::to_string(id), {"evaluation"}, MatchRole::interviewer);
    // Five more joined at once: Ada hears nothing until the next status slot...
    EXPECT_EQ(all<MatchStatus>(1).size(), 1u);
    advance(1'000);
    // ...then once, with all of them counted.
    ASSERT_EQ(all<MatchStatus>(1).size(), 2u);
    EXPECT_EQ(last<MatchStatus>(1).waiting, 6);
    EXPECT_EQ(last<MatchStatus>(1).topics[0].waiting, 6);
    EXPECT_EQ(last<MatchStatus>(6).position, 6);
    // Nothing changes: nothing is sent.
    advance(10'000);
    EXPECT_EQ(all<MatchStatus>(1).size(), 2u);
    leave(1);
    advance(1'000);
    EXPECT_EQ(last<MatchStatus>(2).position, 1);
    EXPECT_EQ(last<MatchStatus>(6).position, 5);
}

}  // namespace
}  // namespace rapidfire::core
