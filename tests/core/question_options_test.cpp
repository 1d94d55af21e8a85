// Questions that bring more than a text and an answer (the bank's optional fields): their own
// choices, with one or several correct; their own time limit; accepted alternative answers;
// feedback shown at the reveal.

#include "rapidfire/core/answer_matching.hpp"
#include "rapidfire/core/round_plan.hpp"
#include "room_harness.hpp"

namespace rapidfire::core::testing {
namespace {

// Five choices of its own, two of them right (listed out of order), and feedback.
content::BankQuestion several_right() {
    content::BankQuestion q;
    q.id = "own-several";
    q.topics = {"regularization"};
    q.text = "Which of these are regularization methods?";
    q.answer = "Dropout and weight decay";
    q.choices = {"Dropout", "Larger batches", "Weight decay", "More epochs", "None of the above"};
    q.correct_choices = {2, 0};
    q.feedback = "Both limit what the network can memorise.";
    return q;
}

// True or false, in the author's order, with its own time limit.
content::BankQuestion true_false() {
    content::BankQuestion q;
    q.id = "own-tf";
    q.topics = {"evaluation"};
    q.text = "Accuracy is a good metric for heavily imbalanced classes.";
    q.answer = "False";
    q.choices = {"True", "False"};
    q.correct_choices = {1};
    q.seconds = 40;
    return q;
}

// A short answer with accepted alternatives.
content::BankQuestion short_answer() {
    content::BankQuestion q;
    q.id = "short";
    q.topics = {"evaluation"};
    q.text = "Which metric is the harmonic mean of precision and recall?";
    q.answer = "F1 score";
    q.accepted = {"F-measure", "F1"};
    return q;
}

// The given questions first, then the test bank's six (other answers to draw distractors from).
std::shared_ptr<content::Bank> bank_with(std::vector<content::BankQuestion> first) {
    auto bank = make_test_bank();
    bank->questions.insert(bank->questions.begin(), first.begin(), first.end());
    return bank;
}

ResolvedSettings choice_round(std::int64_t seed, bool shuffle) {
    ResolvedSettings s;
    s.mode = AnswerMode::choice;
    s.shuffle = shuffle;
    s.seed = seed;
    s.questions = 100;
    return s;
}

// ---- the plan

TEST(QuestionOptions, OwnChoicesArePlayedAsWrittenInTheirOrderWithEveryCorrectOne) {
    const auto bank = bank_with({several_right(), true_false()});
    for (std::int64_t seed = 0; seed < 30; ++seed) {
        for (const auto& planned : plan_round(*bank, choice_round(seed, seed % 2 == 0))) {
            const auto& source = *planned.source;
            if (source.id == "own-several") {
                EXPECT_EQ(planned.choices, source.choices) << "seed " << seed;
                EXPECT_EQ(planned.correct_choices, (std::vector<int>{0, 2}));
            } else if (source.id == "own-tf") {
                EXPECT_EQ(planned.choices, (std::vector<std::string>{"True", "False"}));
                EXPECT_EQ(planned.correct_choices, (std::vector<int>{1}));
            } else {
                // The others as before, and never with an own-choice question's answer ("False",
                // "Dropout and weight decay") as a distractor.
                ASSERT_EQ(planned.choices.size(), 4u);
                ASSERT_EQ(planned.correct_choices.size(), 1u);
                EXPECT_EQ(
                    planned.choices[static_cast<std::size_t>(planned.correct_choices.front())],
                    source.answer);
                for (const auto& choice : planned.choices) {
                    EXPECT_NE(choice, "False");
                    EXPECT_NE(choice, "Dropout and weight decay");
                }
            }
        }
    }
}

TEST(QuestionOptions, OwnChoicesWithoutAValidCorrectIndexArePlayedAsBefore) {
    auto broken = true_false();
    broken.correct_choices = {2, -1};  // out of range: the importer let it through
    EXPECT_FALSE(has_own_choices(broken));
    EXPECT_TRUE(has_own_choices(true_false()));
    const auto bank = bank_with({broken});
    const auto plan = plan_round(*bank, choice_round(1, false));
    ASSERT_EQ(plan.front().source->id, "own-tf");
    EXPECT_EQ(plan.front().choices.size(), 4u);  // the answer and three distractors
    EXPECT_EQ(plan.front().choices[static_cast<std::size_t>(plan.front().correct_choices.front())],
              "False");
}

TEST(QuestionOptions, AQuestionsSecondsApplyOnlyOnThePerQuestionClock) {
    ResolvedSettings s;
    s.seconds = 20;
    EXPECT_EQ(question_seconds(true_false(), s), 40);
    EXPECT_EQ(question_seconds(several_right(), s), 20);
}

// ---- choice mode

class OwnChoices : public ::testing::Test {
  protected:
    void SetUp() override {
        h.bank_ = bank_with({several_right(), true_false()});
        RoundSettings s;
        s.shuffle = false;
        s.seconds = 10;
        s.reveal_seconds = 0;
        h.create(RoomKind::quiz, s);
        a = h.join("a");
        b = h.join("b");
        c = h.join("c");
        h.send(h.host(), Start{h.host_token()});
        q = h.last<Question>(a);
    }
    void answer(MemberId who, int choice) { h.send(who, Answer{q.question, choice, {}}); }

    RoomHarness h;
    MemberId a = 0, b = 0, c = 0;
    Question q;
};

TEST_F(OwnChoices, EitherCorrectChoiceScoresAndTheRevealListsThemAll) {
    EXPECT_EQ(q.id, "own-several");
    EXPECT_EQ(q.choices, several_right().choices);  // all five, as written
    answer(a, 0);                                   // Dropout: right
    answer(b, 2);                                   // Weight decay: right too
    answer(c, 4);                                   // None of the above: wrong
    EXPECT_EQ(h.last<Result>(a).verdict, Verdict::correct);
    EXPECT_EQ(h.last<Result>(a).points, 1000);
    EXPECT_EQ(h.last<Result>(b).verdict, Verdict::correct);
    EXPECT_EQ(h.last<Result>(b).points, 1000);
    EXPECT_EQ(h.last<Result>(c).verdict, Verdict::wrong);
    EXPECT_EQ(h.last<Result>(c).points, 0);
    const auto reveal = h.last<Reveal>(a);
    EXPECT_EQ(reveal.correct_choices, (std::vector<int>{0, 2}));
    EXPECT_EQ(reveal.correct_choice, 0);  // the first, for older clients
    EXPECT_EQ(reveal.choice_counts, (std::vector<int>{1, 0, 1, 0, 1}));
    EXPECT_EQ(reveal.reference, "Dropout and weight decay");
    EXPECT_EQ(reveal.feedback, "Both limit what the network can memorise.");
}

TEST_F(OwnChoices, ChoicesOutsideTheQuestionsOwnAreRefused) {
    answer(a, 5);
    EXPECT_EQ(h.last<AnswerRejected>(a).code, ErrorCode::invalid_answer);
    h.send(h.host(), Skip{h.host_token()});
    h.send(h.host(), Skip{h.host_token()});
    q = h.last<Question>(a);
    ASSERT_EQ(q.id, "own-tf");
    EXPECT_EQ(q.choices, (std::vector<std::string>{"True", "False"}));
    answer(b, 2);
    EXPECT_EQ(h.last<AnswerRejected>(b).code, ErrorCode::invalid_answer);
    answer(a, 1);
    answer(b, 0);
    answer(c, 1);
    EXPECT_EQ(h.last<Result>(a).verdict, Verdict::correct);
    EXPECT_EQ(h.last<Result>(b).verdict, Verdict::wrong);
    const auto reveal = h.last<Reveal>(a);
    EXPECT_EQ(reveal.correct_choices, (std::vector<int>{1}));
    EXPECT_EQ(reveal.correct_choice, 1);
    EXPECT_FALSE(reveal.feedback.has_value());  // the question has none
}

TEST_F(OwnChoices, AResumedPlayerSeesTheSameChoicesAndReveal) {
    answer(a, 2);
    answer(b, 0);
    h.drop(c);
    h.clear();
    h.resume(h.token(c));
    const auto reveal = h.last<Reveal>(c);
    EXPECT_EQ(reveal.correct_choices, (std::vector<int>{0, 2}));
    EXPECT_EQ(reveal.feedback, "Both limit what the network can memorise.");
}

// ---- judge and self mode: own choices are not shown; the answer is the reference

TEST(QuestionOptions, InJudgeModeOwnChoicesArePlayedAsFreeText) {
    RoomHarness h;
    h.bank_ = bank_with({several_right()});
    RoundSettings s;
    s.mode = AnswerMode::judge;
    s.shuffle = false;
    h.create(RoomKind::quiz, s);
    const MemberId a = h.join("a");
    const MemberId b = h.join("b");
    h.send(h.host(), Start{h.host_token()});
    const auto q = h.last<Question>(a);
    EXPECT_EQ(q.mode, AnswerMode::judge);
    EXPECT_TRUE(q.choices.empty());
    h.send(a, Answer{0, {}, std::string("weight decay")});  // one correct choice, as typed
    h.send(b, Answer{0, {}, std::string("more epochs")});
    const auto request = h.last<JudgeRequest>(h.host());
    EXPECT_EQ(request.reference, "Dropout and weight decay");
    ASSERT_EQ(request.groups.size(), 2u);
    EXPECT_EQ(request.groups[0].answer, "weight decay");
    EXPECT_EQ(request.groups[0].suggestion, Verdict::correct);
    EXPECT_EQ(request.groups[1].suggestion, Verdict::wrong);
    h.send(h.host(), AcceptSuggestions{h.host_token(), 0});
    const auto reveal = h.last<Reveal>(a);
    EXPECT_FALSE(reveal.correct_choice.has_value());
    EXPECT_FALSE(reveal.correct_choices.has_value());
    EXPECT_TRUE(reveal.choice_counts.empty());
    EXPECT_EQ(reveal.feedback, "Both limit what the network can memorise.");
}

TEST(QuestionOptions, InSelfModeTheRevealCarriesTheReferenceAndFeedback) {
    RoomHarness h;
    h.bank_ = bank_with({several_right()});
    RoundSettings s;
    s.mode = AnswerMode::self;
    s.shuffle = false;
    h.create(RoomKind::solo, s);
    h.send(1, Start{h.host_token()});
    EXPECT_TRUE(h.last<Question>(1).choices.empty());
    h.send(1, Answer{0, {}, std::string("dropout")});
    const auto reveal = h.last<Reveal>(1);
    EXPECT_TRUE(reveal.grading);
    EXPECT_EQ(reveal.reference, "Dropout and weight decay");
    EXPECT_EQ(reveal.feedback, "Both limit what the network can memorise.");
}

// ---- a question's own time limit

class OwnSeconds : public ::testing::Test {
  protected:
    void open(RoomKind kind, AnswerMode mode) {
        h.bank_ = bank_with({true_false(), several_right()});  // 40 s, then the room's
        RoundSettings s;
        s.shuffle = false;
        s.seconds = 10;
        s.mode = mode;
        s.reveal_seconds = 0;
        h.create(kind, s);
        a = h.join("a");
        h.join("b");  // so one answer does not close the question
        h.send(h.host(), Start{h.host_token()});
        q = h.last<Question>(a);
    }

    RoomHarness h;
    MemberId a = 0;
    Question q;
};

TEST_F(OwnSeconds, SetsTheDeadlineTheTimeoutAndTheScoringTime) {
    open(RoomKind::quiz, AnswerMode::choice);
    ASSERT_EQ(q.id, "own-tf");
    EXPECT_EQ(q.time_limit_ms, 40'000);
    EXPECT_EQ(q.deadline, q.opened_at + 40'000);
    EXPECT_EQ(q.remaining_ms, 40'000);
    h.advance(20'000);  // past the room's 10 s: still open
    EXPECT_EQ(h.count<Reveal>(a), 0);
    h.send(a, Answer{0, 1, {}});
    ASSERT_EQ(h.count<AnswerAccepted>(a), 1);
    h.run_for(20'250);  // the question's deadline and the grace
    EXPECT_EQ(h.count<Reveal>(a), 0);
    h.run_for(1);
    EXPECT_EQ(h.count<Reveal>(a), 1);
    EXPECT_EQ(h.last<Result>(a).points, 750);  // t = 20 s of T = 40 s
    // The next question has no time of its own: back to the room's 10 s.
    h.send(h.host(), Skip{h.host_token()});
    const auto next = h.last<Question>(a);
    EXPECT_EQ(next.id, "own-several");
    EXPECT_EQ(next.time_limit_ms, 10'000);
    EXPECT_EQ(next.deadline, next.opened_at + 10'000);
    h.run_for(10'251);
    EXPECT_EQ(h.count<Reveal>(a), 2);
}

TEST_F(OwnSeconds, AnAnswerAfterTheQuestionsOwnDeadlineAndGraceIsTooLate) {
    open(RoomKind::quiz, AnswerMode::choice);
    h.room().handle(a, Answer{q.question, 1, {}}, h.now() + 40'251);
    bool refused = false;
    for (const auto& out : h.room().take_outbox()) {
        if (const auto* r = std::get_if<AnswerRejected>(&out.message))
            refused = r->code == ErrorCode::too_late;
    }
    EXPECT_TRUE(refused);
}

TEST_F(OwnSeconds, PauseAndExtendWorkFromTheQuestionsOwnTime) {
    open(RoomKind::quiz, AnswerMode::choice);
    h.advance(15'000);
    h.send(h.host(), Pause{h.host_token()});
    EXPECT_EQ(h.last<Paused>(a).remaining_ms, 25'000);
    h.send(h.host(), Extend{h.host_token(), 20});
    EXPECT_EQ(h.last<TimeExtended>(a).remaining_ms, 45'000);
    h.send(h.host(), Continue{h.host_token()});
    EXPECT_EQ(h.last<Continued>(a).deadline, h.now() + 45'000);
    h.advance(15'000);
    h.send(a, Answer{0, 1, {}});
    // t = 30 s of T = 40 + 20 s: 750.
    h.send(h.host(), Skip{h.host_token()});
    EXPECT_EQ(h.last<Result>(a).points, 750);
}

TEST_F(OwnSeconds, InJudgeModeTheQuestionsTimeAppliesToo) {
    open(RoomKind::quiz, AnswerMode::judge);
    EXPECT_EQ(q.time_limit_ms, 40'000);
    h.run_for(40'250);
    EXPECT_EQ(h.count<Reveal>(a), 0);
    h.run_for(1);
    EXPECT_EQ(h.count<Reveal>(a), 1);  // nobody answered: revealed at once
}

TEST(QuestionOptions, AnInterviewUsesTheQuestionsOwnTime) {
    RoomHarness h;
    h.bank_ = bank_with({true_false()});
    RoundSettings s;
    s.shuffle = false;
    h.create(RoomKind::interview, s, "Iris");
    const MemberId cand = h.join("Cand");
    h.send(h.host(), Start{h.host_token()});
    EXPECT_EQ(h.last<Question>(cand).time_limit_ms, 40'000);  // not the interview's 45 s
    EXPECT_EQ(h.last<Question>(h.host()).time_limit_ms, 40'000);
}

TEST(QuestionOptions, SelfGradingLastsTheQuestionsOwnTime) {
    RoomHarness h;
    auto long_one = several_right();
    long_one.seconds = 90;
    h.bank_ = bank_with({long_one});
    RoundSettings s;
    s.mode = AnswerMode::self;
    s.clock = ClockMode::per_question;
    s.seconds = 20;
    s.shuffle = false;
    h.create(RoomKind::solo, s);
    h.send(1, Start{h.host_token()});
    EXPECT_EQ(h.last<Question>(1).time_limit_ms, 90'000);
    h.send(1, Answer{0, {}, std::string("dropout")});
    ASSERT_TRUE(h.last<Reveal>(1).grading);
    h.run_for(89'999);
    EXPECT_EQ(h.count<Result>(1), 0);
    h.run_for(1);
    EXPECT_EQ(h.last<Result>(1).verdict, Verdict::wrong);  // not graded in time
}

TEST(QuestionOptions, OneTotalClockIgnoresAQuestionsOwnTime) {
    RoomHarness h;
    h.bank_ = bank_with({true_false()});
    RoundSettings s;
    s.questions = 4;
    s.total_seconds = 60;  // T = 15 s per question for scoring
    s.shuffle = false;
    h.create(RoomKind::solo, s);
    h.send(1, Start{h.host_token()});
    const auto q = h.last<Question>(1);
    ASSERT_EQ(q.id, "own-tf");
    EXPECT_EQ(q.time_limit_ms, 60'000);  // what is left of the run, not the question's 40 s
    h.advance(7'500);
    h.send(1, Answer{0, 1, {}});
    EXPECT_EQ(h.last<Result>(1).points, 750);  // t = 7.5 s of the share T = 15 s
}

// ---- accepted alternatives

TEST(QuestionOptions, AnAcceptedAlternativeCountsAsTheReference) {
    const ReferenceMatcher matcher(short_answer());
    EXPECT_TRUE(matcher.is_reference(normalize_answer("F1 Score.")));
    EXPECT_TRUE(matcher.is_reference(normalize_answer("  f-MEASURE ")));
    EXPECT_TRUE(matcher.is_reference(normalize_answer("F1!")));
    EXPECT_FALSE(matcher.is_reference(normalize_answer("accuracy")));
    EXPECT_FALSE(matcher.is_reference(""));
    EXPECT_EQ(matcher.normalized_reference(), "f1 score");
    EXPECT_DOUBLE_EQ(matcher.overlap(normalize_answer("F1")), 1.0);
    // Matched by words like the reference: "measure" is the alternative's distinctive word.
    EXPECT_DOUBLE_EQ(matcher.overlap(normalize_answer("the F measure")), 1.0);
    EXPECT_DOUBLE_EQ(matcher.overlap(normalize_answer("accuracy")), 0.0);
    // Without alternatives, nothing changes: the key terms (here "score") decide.
    auto plain = short_answer();
    plain.accepted.clear();
    EXPECT_FALSE(ReferenceMatcher(plain).is_reference("f1"));
    EXPECT_DOUBLE_EQ(ReferenceMatcher(plain).overlap("f-measure"), 0.0);
}

TEST(QuestionOptions, AQuestionsCorrectChoicesCountAsTheReferenceWhenTyped) {
    const ReferenceMatcher matcher(several_right());
    EXPECT_TRUE(matcher.is_reference("dropout"));
    EXPECT_TRUE(matcher.is_reference("weight decay"));
    EXPECT_TRUE(matcher.is_reference("dropout and weight decay"));
    EXPECT_FALSE(matcher.is_reference("more epochs"));
}

TEST(QuestionOptions, AcceptedAnswersAreSuggestedCorrectAndJudgedAsOneGroup) {
    RoomHarness h;
    h.bank_ = bank_with({short_answer()});
    RoundSettings s;
    s.mode = AnswerMode::judge;
    s.shuffle = false;
    h.create(RoomKind::quiz, s);
    const MemberId a = h.join("a");
    const MemberId b = h.join("b");
    const MemberId c = h.join("c");
    const MemberId d = h.join("d");
    h.send(h.host(), Start{h.host_token()});
    h.send(a, Answer{0, {}, std::string("F-measure")});
    h.send(b, Answer{0, {}, std::string("f1 score")});
    h.send(c, Answer{0, {}, std::string("Accuracy")});
    h.send(d, Answer{0, {}, std::string("the F measure")});
    const auto request = h.last<JudgeRequest>(h.host());
    ASSERT_EQ(request.groups.size(), 3u);
    // The reference and an accepted alternative: one group, one mark.
    EXPECT_EQ(request.groups[0].players, (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(request.groups[0].answer, "F-measure");  // the first player's wording
    EXPECT_EQ(request.groups[0].suggestion, Verdict::correct);
    EXPECT_DOUBLE_EQ(request.groups[0].overlap, 1.0);
    EXPECT_EQ(request.groups[1].answer, "Accuracy");
    EXPECT_EQ(request.groups[1].suggestion, Verdict::wrong);
    EXPECT_EQ(request.groups[2].answer, "the F measure");
    EXPECT_EQ(request.groups[2].suggestion, Verdict::correct);
    h.send(h.host(), AcceptSuggestions{h.host_token(), 0});
    EXPECT_EQ(h.last<Result>(a).verdict, Verdict::correct);
    EXPECT_EQ(h.last<Result>(b).verdict, Verdict::correct);
    EXPECT_EQ(h.last<Result>(c).verdict, Verdict::wrong);
    EXPECT_EQ(h.last<Result>(d).verdict, Verdict::correct);
}

}  // namespace
}  // namespace rapidfire::core::testing
