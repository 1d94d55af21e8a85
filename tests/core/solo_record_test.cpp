// What a game leaves for the record about who played and how the clock ran: each player's
// identity digest (never the secret) and whether a question's clock was stopped or lengthened,
// which decides whether a solo run counts for personal bests.

#include "rapidfire/core/identity.hpp"
#include "room_harness.hpp"

namespace rapidfire::core::testing {
namespace {

const std::string secret = "kq3Zr8Wm_x2Pd-7vYt9LbA";

GameFinished finished_game(RoomHarness& h) {
    for (const auto& entry : h.room().take_journal()) {
        if (const auto* f = std::get_if<GameFinished>(&entry))
            return *f;
    }
    ADD_FAILURE() << "no GameFinished in the journal";
    return {};
}

RoundSettings three_questions() {
    RoundSettings s;
    s.questions = 3;
    s.reveal_seconds = 0;
    return s;
}

// Answers every question at once and moves on, so the run ends completed.
void play_through(RoomHarness& h) {
    for (int i = 0; i < 3; ++i) {
        const auto q = h.last<Question>(1);
        h.send(1, Answer{q.question, h.correct_choice(q), {}});
        h.send(1, Skip{h.host_token()});
    }
    ASSERT_EQ(h.last<GameOver>(1).reason, EndReason::completed);
}

TEST(SoloRecord, TheRecordCarriesTheIdentitysDigestNeverTheSecret) {
    RoomHarness h;
    h.identity = secret;
    h.create(RoomKind::solo, three_questions());
    h.send(1, Start{h.host_token()});
    play_through(h);
    const auto f = finished_game(h);
    ASSERT_EQ(f.identities.size(), 1u);
    EXPECT_EQ(f.identities[0], identity_digest(secret));
    EXPECT_EQ(f.identities[0].size(), 64u);
    EXPECT_EQ(f.identities[0].find(secret), std::string::npos);
    EXPECT_FALSE(f.clock_changed.has_value());  // an honest run
}

TEST(SoloRecord, WithoutAnIdentityThePlayerHasNone) {
    RoomHarness h;
    h.create(RoomKind::solo, three_questions());
    h.send(1, Start{h.host_token()});
    play_through(h);
    const auto f = finished_game(h);
    ASSERT_EQ(f.identities.size(), 1u);
    EXPECT_EQ(f.identities[0], "");
}

TEST(SoloRecord, APauseDuringAQuestionIsReported) {
    RoomHarness h;
    h.create(RoomKind::solo, three_questions());
    h.send(1, Start{h.host_token()});
    h.advance(1'000);
    h.send(1, Pause{h.host_token()});
    h.advance(60'000);  // a minute to think, off the clock
    h.send(1, Continue{h.host_token()});
    play_through(h);
    EXPECT_EQ(finished_game(h).clock_changed, NotCounted::paused);
}

TEST(SoloRecord, AnExtensionIsReported) {
    RoomHarness h;
    h.create(RoomKind::solo, three_questions());
    h.send(1, Start{h.host_token()});
    h.send(1, Extend{h.host_token(), 30});
    play_through(h);
    EXPECT_EQ(finished_game(h).clock_changed, NotCounted::extended);
}

TEST(SoloRecord, ADroppedConnectionDuringAQuestionIsReported) {
    RoomHarness h;
    h.create(RoomKind::solo, three_questions());
    h.send(1, Start{h.host_token()});
    h.drop(1);  // the run pauses until the player is back
    h.advance(30'000);
    ASSERT_TRUE(std::holds_alternative<MemberId>(h.resume(h.token(1))));
    play_through(h);
    EXPECT_EQ(finished_game(h).clock_changed, NotCounted::disconnected);
}

TEST(SoloRecord, APauseBetweenQuestionsStopsNoQuestionsClock) {
    RoomHarness h;
    RoundSettings s = three_questions();
    s.reveal_seconds = 5;
    h.create(RoomKind::solo, s);
    h.send(1, Start{h.host_token()});
    auto q = h.last<Question>(1);
    h.send(1, Answer{q.question, h.correct_choice(q), {}});
    ASSERT_EQ(h.last<Reveal>(1).question, 0);
    h.send(1, Pause{h.host_token()});  // on the reveal: the run's clock is not running
    h.send(1, Continue{h.host_token()});
    h.send(1, Skip{h.host_token()});
    for (int i = 1; i < 3; ++i) {
        q = h.last<Question>(1);
        ASSERT_EQ(q.question, i);
        h.send(1, Answer{q.question, h.correct_choice(q), {}});
        h.send(1, Skip{h.host_token()});
    }
    ASSERT_EQ(h.last<GameOver>(1).reason, EndReason::completed);
    EXPECT_FALSE(finished_game(h).clock_changed.has_value());
}

TEST(SoloRecord, AMalformedIdentityIsRefused) {
    const std::vector<std::string> malformed = {
        "short", std::string(21, 'a'), std::string(22, 'a') + " ", "kq3Zr8Wm/x2Pd+7vYt9LbA="};
    for (const std::string& bad : malformed) {
        RoomHarness h;
        h.identity = bad;
        const auto error = h.try_create(RoomKind::solo, {});
        ASSERT_TRUE(error.has_value()) << bad;
        EXPECT_EQ(error->code, ErrorCode::out_of_range);
        EXPECT_EQ(error->field, "identity");
        EXPECT_EQ(error->request, "create_room");
    }
    RoomHarness h;
    h.identity = std::string(128, 'Z');  // the longest allowed
    EXPECT_FALSE(h.try_create(RoomKind::quiz, {}).has_value());
    const Seat seat =
        h.room().join(Join{"ABCDEF", "Zoë", std::nullopt, "not an identity"}, h.now());
    ASSERT_TRUE(std::holds_alternative<protocol::Error>(seat));
    EXPECT_EQ(std::get<protocol::Error>(seat).code, ErrorCode::out_of_range);
    EXPECT_EQ(std::get<protocol::Error>(seat).field, "identity");
}

TEST(SoloRecord, AJoiningPlayersIdentityIsRecordedToo) {
    RoomHarness h;
    h.create(RoomKind::quiz, three_questions());
    const Seat zoe = h.room().join(Join{"ABCDEF", "Zoë", std::nullopt, secret}, h.now());
    ASSERT_TRUE(std::holds_alternative<MemberId>(zoe));
    h.join("Bob");
    h.send(h.host(), Start{h.host_token()});
    h.send(h.host(), EndGame{h.host_token()});
    const auto f = finished_game(h);
    ASSERT_EQ(f.standings.size(), 2u);
    ASSERT_EQ(f.identities.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        EXPECT_EQ(f.identities[i],
                  f.standings[i].nickname == "Zoë" ? identity_digest(secret) : std::string());
    }
}

// The ratings of the only player of a finished game.

// The ratings of the only player of a finished game.
std::vector<learning::QuestionRating> ratings_of(const GameFinished& f) {
    if (f.ratings.size() != 1) {
        ADD_FAILURE() << "expected one player's ratings, got " << f.ratings.size();
        return {};
    }
    return f.ratings[0];
}

// Three questions of 20 s each, on a clock per question.
RoundSettings twenty_seconds_each() {
    RoundSettings s = three_questions();
    s.clock = ClockMode::per_question;
    s.seconds = 20;
    return s;
}

TEST(SoloRecord, EachAnswerRatesItsCardByVerdictAndTime) {
    RoomHarness h;
    h.identity = secret;
    h.create(RoomKind::solo, twenty_seconds_each());
    h.send(1, Start{h.host_token()});
    std::vector<std::string> ids;
    // Right within the first quarter of 20 s: easy. Right after 6 s: good. Wrong: again.
    for (const auto& [delay, right] : {std::pair{4'000, true}, {6'000, true}, {1'000, false}}) {
        const auto q = h.last<Question>(1);
        ids.push_back(q.id);
        h.advance(delay);
        const int correct = h.correct_choice(q);
        h.send(1, Answer{q.question, right ? correct : (correct + 1) % 4, {}});
        h.send(1, Skip{h.host_token()});
    }
    const auto ratings = ratings_of(finished_game(h));
    const std::vector<learning::QuestionRating> expected = {
        {ids[0], fsrs::Rating::easy}, {ids[1], fsrs::Rating::good}, {ids[2], fsrs::Rating::again}};
    EXPECT_EQ(ratings, expected);
}

TEST(SoloRecord, AQuestionLeftToRunOutIsRatedAgain) {
    RoomHarness h;
    h.identity = secret;
    h.create(RoomKind::solo, twenty_seconds_each());
    h.send(1, Start{h.host_token()});
    const auto first = h.last<Question>(1);
    h.send(1, Answer{first.question, h.correct_choice(first), {}});
    h.send(1, Skip{h.host_token()});
    const auto second = h.last<Question>(1);
    for (int i = 0; i < 2; ++i) {  // the second and third questions run out
        h.advance(21'000);
        h.send(1, Skip{h.host_token()});
    }
    const auto ratings = ratings_of(finished_game(h));
    ASSERT_EQ(ratings.size(), 3u);
    EXPECT_EQ(ratings[0].question, first.id);
    EXPECT_EQ(ratings[1], (learning::QuestionRating{second.id, fsrs::Rating::again}));
    EXPECT_EQ(ratings[2].rating, fsrs::Rating::again);
}

TEST(SoloRecord, ASelfGradeIsTheRating) {
    RoomHarness h;
    h.identity = secret;
    RoundSettings s = three_questions();
    s.mode = AnswerMode::self;
    h.create(RoomKind::solo, s);
    h.send(1, Start{h.host_token()});
    std::vector<learning::QuestionRating> expected;
    for (const auto grade : {SelfGrade::hard, SelfGrade::easy, SelfGrade::again}) {
        const auto q = h.last<Question>(1);
        h.send(1, Answer{q.question, {}, std::string("my answer")});
        h.send(1, Grade{q.question, grade});
        h.send(1, Skip{h.host_token()});
        const auto rating = grade == SelfGrade::hard   ? fsrs::Rating::hard
                            : grade == SelfGrade::easy ? fsrs::Rating::easy
                                                       : fsrs::Rating::again;
        expected.push_back({q.id, rating});
    }
    EXPECT_EQ(ratings_of(finished_game(h)), expected);
}

TEST(SoloRecord, WithoutAnIdentityNothingIsRated) {
    RoomHarness h;
    h.create(RoomKind::solo, three_questions());
    h.send(1, Start{h.host_token()});
    play_through(h);
    EXPECT_EQ(ratings_of(finished_game(h)), std::vector<learning::QuestionRating>{});
}

}  // namespace
}  // namespace rapidfire::core::testing
