// A matched pair's room (Room::create_pair): the first turn starts at once, the roles swap by
// themselves for a second turn with other questions, then both give feedback on each other.

#include <algorithm>

#include "rapidfire/core/identity.hpp"
#include "room_harness.hpp"

namespace rapidfire::core::testing {
namespace {

constexpr MemberId iris = 1;  // interviews in the first turn
constexpr MemberId cand = 2;  // answers in the first turn

PairSpec pair_spec(std::vector<std::string> topics = {}) {
    return PairSpec{{"Iris", std::nullopt}, {"Cand", std::nullopt}, std::move(topics)};
}

void create_pair(RoomHarness& h, std::vector<std::string> topics = {}) {
    const auto error = h.try_create_pair(pair_spec(std::move(topics)));
    ASSERT_FALSE(error.has_value()) << error->message;
}

// The host skips through every question of the turn: each closes with no answer, then its
// reveal ends, and after the last the turn is over.
void skip_turn(RoomHarness& h, MemberId host, const std::string& token) {
    const int questions = h.last<Question>(host).total;
    for (int i = 0; i < 2 * questions; ++i)
        h.send(host, Skip{token});
    ASSERT_EQ(h.count<GameOver>(host), 1);
}

std::vector<std::string> question_ids(RoomHarness& h, MemberId member) {
    std::vector<std::string> ids;
    for (const auto& q : h.all<Question>(member))
        ids.push_back(q.id);
    return ids;
}

// Both turns skipped through: the feedback has just been asked for. Returns the second turn's
// host token (Cand's).
std::string to_feedback(RoomHarness& h) {
    create_pair(h);
    skip_turn(h, iris, h.host_token());
    h.clear();
    h.advance(RoomLimits{}.pair_break_ms);
    const std::string second = h.last<Joined>(cand).host_token.value_or("");
    skip_turn(h, cand, second);
    return second;
}

template <class Entry>
std::vector<Entry> entries(RoomHarness& h) {
    std::vector<Entry> found;
    for (const auto& entry : h.room().take_journal()) {
        if (const auto* e = std::get_if<Entry>(&entry))
            found.push_back(*e);
    }
    return found;
}

Feedback some_feedback() {
    return Feedback{{{"structure", 4}, {"honesty", 2}}, "  Clear answers.\n", "\tTradeoffs  "};
}

TEST(PairRoom, SeatsBothAndStartsTheFirstTurnAtOnce) {
    RoomHarness h;
    create_pair(h);
    const auto host = h.last<Joined>(iris);
    EXPECT_EQ(host.role, Role::host);
    EXPECT_FALSE(host.player.has_value());
    ASSERT_TRUE(host.host_token.has_value());
    EXPECT_FALSE(host.host_token->empty());
    EXPECT_EQ(host.kind, RoomKind::interview);
    EXPECT_EQ(host.settings.mode, AnswerMode::judge);
    EXPECT_EQ(host.settings.seconds, 45);
    EXPECT_EQ(host.settings.capacity, 1);
    // Six questions in the bank: three for each turn.
    EXPECT_EQ(host.settings.questions, 3);
    const auto player = h.last<Joined>(cand);
    EXPECT_EQ(player.role, Role::player);
    EXPECT_EQ(player.player, cand);
    EXPECT_EQ(player.host, "Iris");
    EXPECT_FALSE(player.host_token.has_value());
    // The first question is open for both; only the interviewer reads the reference.
    EXPECT_TRUE(h.last<Question>(iris).reference.has_value());
    EXPECT_FALSE(h.last<Question>(cand).reference.has_value());
    EXPECT_EQ(h.last<Question>(cand).total, 3);
    EXPECT_EQ(h.room().stats().connected, 1);  // the candidate; the interviewer only hosts
    // Nobody else gets in.
    const Seat stranger = h.try_join("Stranger");
    ASSERT_TRUE(std::holds_alternative<protocol::Error>(stranger));
    EXPECT_EQ(std::get<protocol::Error>(stranger).code, ErrorCode::room_locked);
}

TEST(PairRoom, KeepsOnlyTheDigestOfEachIdentity) {
    RoomHarness h;
    PairSpec spec = pair_spec();
    spec.interviewer.identity = "iris-secret-0123456789";
    spec.candidate.identity = "cand-secret-0123456789";
    ASSERT_FALSE(h.try_create_pair(spec).has_value());
    skip_turn(h, iris, h.host_token());
    const auto finished = entries<GameFinished>(h);
    ASSERT_EQ(finished.size(), 1u);
    EXPECT_EQ(finished[0].identities,
              (std::vector<std::string>{identity_digest("cand-secret-0123456789")}));
}

TEST(PairRoom, RefusesAnIdentityOfTheWrongForm) {
    RoomHarness h;
    PairSpec spec = pair_spec();
    spec.candidate.identity = "short";
    const auto error = h.try_create_pair(spec);
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->code, ErrorCode::out_of_range);
    EXPECT_EQ(error->field, "identity");
}

TEST(PairRoom, TheInterviewerJudgesTheCandidatesAnswer) {
    RoomHarness h;
    create_pair(h);
    h.advance(9'000);
    h.send(cand, Answer{0, {}, std::string("my answer")});
    ASSERT_EQ(h.count<JudgeRequest>(iris), 1);
    h.send(iris,
           Judge{h.host_token(), 0, 0, Verdict::correct, std::string("Crisp."), {"structure"}});
    const auto result = h.last<Result>(cand);
    EXPECT_EQ(result.verdict, Verdict::correct);
    EXPECT_EQ(result.comment, "Crisp.");
    EXPECT_GT(result.points, 0);
}

TEST(PairRoom, AfterTheBreakTheRolesSwapForASecondTurnWithOtherQuestions) {
    RoomHarness h;
    create_pair(h);
    const std::string first_token = h.host_token();
    skip_turn(h, iris, first_token);
    EXPECT_EQ(h.last<GameOver>(cand).reason, EndReason::completed);
    EXPECT_EQ(h.count<Summary>(cand), 1);  // as in any interview
    const auto first_questions = question_ids(h, cand);
    ASSERT_EQ(first_questions.size(), 3u);

    h.clear();
    h.advance(RoomLimits{}.pair_break_ms - 1);
    EXPECT_EQ(h.count<Joined>(iris), 0);
    EXPECT_EQ(h.count<Joined>(cand), 0);
    h.advance(1);
    const auto now_host = h.last<Joined>(cand);
    EXPECT_EQ(now_host.role, Role::host);
    ASSERT_TRUE(now_host.host_token.has_value());
    EXPECT_NE(*now_host.host_token, first_token);
    const auto now_player = h.last<Joined>(iris);
    EXPECT_EQ(now_player.role, Role::player);
    EXPECT_EQ(now_player.player, iris);
    EXPECT_EQ(now_player.host, "Cand");
    EXPECT_FALSE(now_player.host_token.has_value());

    // Iris answers now, Cand reads the reference.
    EXPECT_TRUE(h.last<Question>(cand).reference.has_value());
    EXPECT_FALSE(h.last<Question>(iris).reference.has_value());
    h.send(iris, Answer{0, {}, std::string("an answer")});
    EXPECT_EQ(h.count<AnswerAccepted>(iris), 1);
    // The first turn's token runs nothing any more.
    h.send(iris, Skip{first_token});
    EXPECT_EQ(h.error_code(iris), ErrorCode::not_host);
    h.send(cand, AcceptSuggestions{*now_host.host_token, 0});
    h.send(cand, Skip{*now_host.host_token});  // past the reveal
    for (int i = 1; i < 3; ++i) {
        h.send(cand, Skip{*now_host.host_token});
        h.send(cand, Skip{*now_host.host_token});
    }
    const auto second_questions = question_ids(h, iris);
    ASSERT_EQ(second_questions.size(), 3u);
    for (const auto& id : second_questions) {
        EXPECT_EQ(std::count(first_questions.begin(), first_questions.end(), id), 0)
            << id << " was asked in both turns";
    }
    EXPECT_EQ(h.last<GameOver>(iris).reason, EndReason::completed);
    EXPECT_EQ(h.last<Summary>(iris).interviewer, "Cand");
}

TEST(PairRoom, FewQuestionsAreSharedEquallyBetweenTheTurns) {
    RoomHarness h;
    create_pair(h, {"evaluation", "regularization"});  // q1, q2, q3, q5
    EXPECT_EQ(h.last<Question>(cand).total, 2);
    skip_turn(h, iris, h.host_token());
    const auto first = question_ids(h, cand);
    h.clear();
    h.advance(RoomLimits{}.pair_break_ms);
    skip_turn(h, cand, h.last<Joined>(cand).host_token.value_or(""));
    auto all = first;
    for (const auto& id : question_ids(h, iris))
        all.push_back(id);
    std::sort(all.begin(), all.end());
    EXPECT_EQ(all, (std::vector<std::string>{"q1", "q2", "q3", "q5"}));
}

TEST(PairRoom, EndingTheFirstTurnEarlyStillLeadsToTheSecond) {
    RoomHarness h;
    create_pair(h);
    const std::string asked = h.last<Question>(cand).id;
    h.send(iris, EndGame{h.host_token()});
    EXPECT_EQ(h.last<GameOver>(cand).reason, EndReason::ended_by_host);
    h.clear();
    h.advance(RoomLimits{}.pair_break_ms);
    EXPECT_EQ(h.last<Joined>(cand).role, Role::host);
    const auto opened = h.last<Question>(iris);
    EXPECT_EQ(opened.total, 3);
    EXPECT_NE(opened.id, asked);
    // Ending the second turn early asks for feedback.
    h.send(cand, EndGame{h.last<Joined>(cand).host_token.value_or("")});
    EXPECT_EQ(h.count<FeedbackRequest>(iris), 1);
    EXPECT_EQ(h.count<FeedbackRequest>(cand), 1);
}

TEST(PairRoom, StartRematchLockAndKickAreRefused) {
    RoomHarness h;
    create_pair(h);
    h.send(iris, Start{h.host_token()});
    EXPECT_EQ(h.error_code(iris), ErrorCode::wrong_state);
    h.clear();
    h.send(iris, Lock{h.host_token(), false});
    EXPECT_EQ(h.error_code(iris), ErrorCode::wrong_state);
    h.clear();
    h.send(iris, Kick{h.host_token(), cand});
    EXPECT_EQ(h.error_code(iris), ErrorCode::wrong_state);
    EXPECT_EQ(h.count<Kicked>(cand), 0);
    h.send(iris, EndGame{h.host_token()});
    h.clear();
    h.send(iris, Rematch{h.host_token(), true});
    EXPECT_EQ(h.error_code(iris), ErrorCode::wrong_state);
    h.send(cand, Start{h.host_token()});
    EXPECT_EQ(h.error_code(cand), ErrorCode::wrong_state);
    EXPECT_EQ(h.count<Joined>(iris), 0);
    EXPECT_EQ(h.count<Joined>(cand), 0);
}

TEST(PairRoom, TheInterviewerKeepsTheClockControls) {
    RoomHarness h;
    create_pair(h);
    h.send(iris, Pause{h.host_token()});
    EXPECT_EQ(h.last<Paused>(cand).reason, PauseReason::host);
    h.send(iris, Continue{h.host_token()});
    EXPECT_EQ(h.count<Continued>(cand), 1);
    h.send(iris, Extend{h.host_token(), 30});
    EXPECT_EQ(h.last<TimeExtended>(cand).remaining_ms, 75'000);
    EXPECT_FALSE(h.error_code(iris).has_value());
}

TEST(PairRoom, BothGetTheRequestAndThePartnersFeedbackOnceBothSent) {
    RoomHarness h;
    to_feedback(h);
    const auto request = h.last<FeedbackRequest>(iris);
    EXPECT_EQ(request.partner, "Cand");
    EXPECT_EQ(h.last<FeedbackRequest>(cand).partner, "Iris");
    ASSERT_EQ(request.areas.size(), 3u);
    EXPECT_EQ(request.areas[0].id, "structure");
    EXPECT_EQ(request.areas[0].title, "Structure Your Answers");
    EXPECT_EQ(request.deadline, h.now() + RoomLimits{}.feedback_ms);
    h.room().take_journal();

    h.send(iris, some_feedback());
    EXPECT_EQ(h.count<FeedbackSaved>(iris), 1);
    EXPECT_EQ(h.count<PartnerFeedback>(iris), 0);
    EXPECT_EQ(h.count<PartnerFeedback>(cand), 0);
    h.send(cand, Feedback{{{"tradeoffs", 5}}, "Calm.", ""});
    EXPECT_EQ(h.count<FeedbackSaved>(cand), 1);

    const auto to_iris = h.last<PartnerFeedback>(iris);
    EXPECT_EQ(to_iris.from, "Cand");
    EXPECT_TRUE(to_iris.sent);
    ASSERT_EQ(to_iris.ratings.size(), 1u);
    EXPECT_EQ(to_iris.ratings[0].area, "tradeoffs");
    EXPECT_EQ(to_iris.ratings[0].score, 5);
    EXPECT_EQ(to_iris.went_well, "Calm.");
    const auto to_cand = h.last<PartnerFeedback>(cand);
    EXPECT_EQ(to_cand.from, "Iris");
    EXPECT_TRUE(to_cand.sent);
    ASSERT_EQ(to_cand.ratings.size(), 2u);
    EXPECT_EQ(to_cand.ratings[1].area, "honesty");
    EXPECT_EQ(to_cand.ratings[1].score, 2);
    // Trimmed; the line break inside is kept.
    EXPECT_EQ(to_cand.went_well, "Clear answers.");
    EXPECT_EQ(to_cand.work_on, "Tradeoffs");

    // Recorded with the second turn's game, each as it was accepted.
    const auto given = entries<FeedbackGiven>(h);
    ASSERT_EQ(given.size(), 2u);
    EXPECT_EQ(given[0].code, "ABCDEF");
    EXPECT_EQ(given[0].round, 2);
    EXPECT_EQ(given[0].from, "Iris");
    EXPECT_EQ(given[0].to, "Cand");
    EXPECT_EQ(given[0].ratings.size(), 2u);
    EXPECT_EQ(given[0].went_well, "Clear answers.");
    EXPECT_EQ(given[0].at, h.now());
    EXPECT_EQ(given[1].from, "Cand");
    EXPECT_EQ(given[1].to, "Iris");

    // The exchange is over: nothing more is taken.
    h.clear();
    h.send(iris, some_feedback());
    EXPECT_EQ(h.error_code(iris), ErrorCode::already_sent);
}

TEST(PairRoom, AtTheDeadlineEachSideReadsWhatThePartnerSent) {
    RoomHarness h;
    to_feedback(h);
    const Millis deadline = h.last<FeedbackRequest>(iris).deadline;
    h.send(iris, some_feedback());
    h.advance(deadline - h.now() - 1);
    EXPECT_EQ(h.count<PartnerFeedback>(iris), 0);
    EXPECT_EQ(h.count<PartnerFeedback>(cand), 0);
    h.advance(1);
    // Cand said nothing: Iris is told so.
    const auto to_iris = h.last<PartnerFeedback>(iris);
    EXPECT_EQ(to_iris.from, "Cand");
    EXPECT_FALSE(to_iris.sent);
    EXPECT_TRUE(to_iris.ratings.empty());
    EXPECT_EQ(to_iris.went_well, "");
    EXPECT_EQ(to_iris.work_on, "");
    // Cand gave none, and still reads what Iris said.
    const auto to_cand = h.last<PartnerFeedback>(cand);
    EXPECT_EQ(to_cand.from, "Iris");
    EXPECT_TRUE(to_cand.sent);
    ASSERT_EQ(to_cand.ratings.size(), 2u);
    EXPECT_EQ(to_cand.ratings[0].area, "structure");
    EXPECT_EQ(to_cand.ratings[0].score, 4);
    EXPECT_EQ(to_cand.went_well, "Clear answers.");  // trimmed
    // Too late now.
    h.send(cand, some_feedback());
    EXPECT_EQ(h.error_code(cand), ErrorCode::wrong_state);
    EXPECT_EQ(h.count<FeedbackSaved>(cand), 0);
}

// The error `member` received for its feedback: its code and field.
std::pair<std::optional<ErrorCode>, std::string> feedback_error(RoomHarness& h, MemberId member,
                                                                const Feedback& feedback) {
    h.clear();
    h.send(member, feedback);
    const auto errors = h.all<protocol::Error>(member);
    if (errors.empty())
        return {std::nullopt, ""};
    EXPECT_EQ(errors.back().request, "feedback");
    return {errors.back().code, errors.back().field.value_or("")};
}

TEST(PairRoom, FeedbackIsChecked) {
    RoomHarness h;
    to_feedback(h);
    using Checked = std::pair<std::optional<ErrorCode>, std::string>;
    const Checked unknown_area{ErrorCode::out_of_range, "ratings[1].area"};
    EXPECT_EQ(feedback_error(h, iris, Feedback{{{"structure", 3}, {"charm", 3}}, "", ""}),
              unknown_area);
    EXPECT_EQ(feedback_error(h, iris, Feedback{{{"structure", 3}, {"honesty", 0}}, "", ""}),
              (Checked{ErrorCode::out_of_range, "ratings[1].score"}));
    EXPECT_EQ(feedback_error(h, iris, Feedback{{{"structure", 6}}, "", ""}),
              (Checked{ErrorCode::out_of_range, "ratings[0].score"}));
    EXPECT_EQ(feedback_error(h, iris,
                             Feedback{{{"honesty", 3}, {"structure", 1}, {"honesty", 5}}, "", ""}),
              (Checked{ErrorCode::out_of_range, "ratings[2].area"}));
    EXPECT_EQ(feedback_error(h, iris, Feedback{{}, "fine\x01", ""}),
              (Checked{ErrorCode::out_of_range, "went_well"}));
    EXPECT_EQ(feedback_error(h, iris, Feedback{{}, "", "a\rb"}),
              (Checked{ErrorCode::out_of_range, "work_on"}));
    EXPECT_EQ(feedback_error(h, iris, Feedback{{}, "", "a\xC2\x85"}),  // U+0085, a C1 control
              (Checked{ErrorCode::out_of_range, "work_on"}));
    EXPECT_EQ(h.count<FeedbackSaved>(iris), 0);
    EXPECT_TRUE(entries<FeedbackGiven>(h).empty());

    // Line breaks and tabs are fine; no rating at all is fine too.
    EXPECT_EQ(feedback_error(h, iris, Feedback{{}, "one\ntwo\tthree", ""}), (Checked{}));
    EXPECT_EQ(h.count<FeedbackSaved>(iris), 1);
    EXPECT_EQ(entries<FeedbackGiven>(h).at(0).went_well, "one\ntwo\tthree");
    EXPECT_EQ(feedback_error(h, iris, some_feedback()), (Checked{ErrorCode::already_sent, ""}));
}

TEST(PairRoom, FeedbackIsOnlyTakenAfterTheSecondTurnOfAPair) {
    RoomHarness h;
    create_pair(h);
    h.send(cand, some_feedback());
    EXPECT_EQ(h.error_code(cand), ErrorCode::wrong_state);
    h.send(iris, EndGame{h.host_token()});
    h.clear();
    h.send(iris, some_feedback());  // between the turns
    EXPECT_EQ(h.error_code(iris), ErrorCode::wrong_state);

    RoomHarness plain;
    plain.create(RoomKind::interview, {}, "Iris");
    const MemberId candidate = plain.join("Cand");
    plain.send(plain.host(), Start{plain.host_token()});
    plain.send(plain.host(), EndGame{plain.host_token()});
    plain.send(candidate, some_feedback());
    EXPECT_EQ(plain.error_code(candidate), ErrorCode::wrong_state);
}

TEST(PairRoom, AResumeDuringTheFeedbackTimeSendsWhatThatSideStillNeeds) {
    RoomHarness h;
    to_feedback(h);
    h.drop(iris);
    h.clear();
    h.resume(h.token(iris));
    EXPECT_TRUE(h.last<Joined>(iris).resumed);
    EXPECT_EQ(h.count<GameOver>(iris), 1);
    EXPECT_EQ(h.last<FeedbackRequest>(iris).partner, "Cand");

    // Sent, not yet exchanged: nothing to answer.
    h.send(iris, some_feedback());
    h.drop(iris);
    h.clear();
    h.resume(h.token(iris));
    EXPECT_EQ(h.count<FeedbackRequest>(iris), 0);
    EXPECT_EQ(h.count<PartnerFeedback>(iris), 0);

    // Exchanged while away: the partner's feedback comes with the resume.
    h.drop(iris);
    h.send(cand, Feedback{{{"honesty", 4}}, "Kind.", ""});
    h.clear();
    h.resume(h.token(iris));
    EXPECT_EQ(h.count<FeedbackRequest>(iris), 0);
    const auto partner = h.last<PartnerFeedback>(iris);
    EXPECT_TRUE(partner.sent);
    EXPECT_EQ(partner.went_well, "Kind.");
}

TEST(PairRoom, ACandidateAwayAtTheSwapBecomesAnInterviewerWhoPausesTheTurn) {
    RoomHarness h;
    create_pair(h);
    skip_turn(h, iris, h.host_token());
    h.drop(cand);
    h.clear();
    h.advance(RoomLimits{}.pair_break_ms);
    EXPECT_EQ(h.last<Joined>(iris).role, Role::player);
    EXPECT_EQ(h.last<Joined>(iris).host, "Cand");
    EXPECT_EQ(h.count<Question>(iris), 1);
    EXPECT_EQ(h.last<Paused>(iris).reason, PauseReason::host_disconnected);
    const auto status = h.last<HostStatus>(iris);
    EXPECT_FALSE(status.connected);
    EXPECT_EQ(status.grace_ms, RoomLimits{}.resume_grace_ms - RoomLimits{}.pair_break_ms);

    h.clear();
    h.resume(h.token(cand));
    const auto back = h.last<Joined>(cand);
    EXPECT_EQ(back.role, Role::host);
    ASSERT_TRUE(back.host_token.has_value());
    EXPECT_TRUE(h.last<Question>(cand).reference.has_value());
    EXPECT_EQ(h.count<Continued>(iris), 1);
    h.send(cand, Skip{*back.host_token});
    EXPECT_FALSE(h.error_code(cand).has_value());
}

TEST(PairRoom, AnInterviewerWhoseSeatLapsesInTheFirstTurnEndsThePair) {
    RoomHarness h;
    create_pair(h);
    h.drop(iris);
    h.advance(RoomLimits{}.resume_grace_ms);
    EXPECT_EQ(h.last<GameOver>(cand).reason, EndReason::host_gone);
    EXPECT_EQ(h.last<PairEnded>(cand).partner, "Iris");  // said, not left to guess
    h.clear();
    h.run_for(RoomLimits{}.pair_break_ms + RoomLimits{}.feedback_ms);
    EXPECT_EQ(h.count<Joined>(cand), 0);
    EXPECT_EQ(h.count<Question>(cand), 0);
    EXPECT_EQ(h.count<FeedbackRequest>(cand), 0);
    EXPECT_EQ(h.count<PartnerFeedback>(cand), 0);
    h.send(cand, some_feedback());
    EXPECT_EQ(h.error_code(cand), ErrorCode::wrong_state);
}

TEST(PairRoom, ACandidateWhoLeftEndsThePairAtTheSwap) {
    RoomHarness h;
    create_pair(h);
    h.send(cand, Leave{});
    h.send(iris, EndGame{h.host_token()});
    h.clear();
    h.run_for(RoomLimits{}.pair_break_ms + RoomLimits{}.feedback_ms);
    EXPECT_EQ(h.count<PairEnded>(iris), 1);
    EXPECT_EQ(h.last<PairEnded>(iris).partner, "Cand");
    EXPECT_EQ(h.count<Joined>(iris), 0);
    EXPECT_EQ(h.count<FeedbackRequest>(iris), 0);
}

TEST(PairRoom, TopicsWithFewerThanTwoQuestionsAreRefused) {
    RoomHarness h;
    h.bank_->questions.push_back({"q7", {"calculus"}, "What is a derivative?", "A slope.", {}});
    for (const std::vector<std::string>& topics :
         {std::vector<std::string>{"calculus"}, std::vector<std::string>{"astrology"}}) {
        const auto error = h.try_create_pair(pair_spec(topics));
        ASSERT_TRUE(error.has_value()) << topics[0];
        EXPECT_EQ(error->code, ErrorCode::invalid_settings);
        EXPECT_EQ(error->field, "topics");
    }
    // Two are enough: one for each turn.
    h.bank_->questions.push_back({"q8", {"calculus"}, "What is an integral?", "An area.", {}});
    create_pair(h, {"calculus"});
    EXPECT_EQ(h.last<Question>(cand).total, 1);
}

}  // namespace
}  // namespace rapidfire::core::testing
