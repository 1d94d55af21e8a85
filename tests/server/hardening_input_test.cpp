// Bad input over real sockets, beside a game in progress: each bad message gets its documented
// error, the sender stays connected where PROTOCOL.md says so (or only its connection is
// closed, for a frame that ends it), and the two honest players of HonestGame finish with the
// scores the formula gives. The plain cases without a game around them are in session_test,
// host_actions_test and reconnect_test; the message at the size limit is
// hardening_limits_test's.

#include <gtest/gtest.h>

#include <cctype>
#include <functional>
#include <optional>
#include <ostream>
#include <thread>

#include "game_steps.hpp"
#include "test_server.hpp"

namespace rapidfire::test {
namespace {

using protocol::ErrorCode;
using Who = HonestGame::Who;

// The connection still works: a ping gets its pong.
void expect_open(TestClient& client, std::int64_t nonce) {
    client.send(protocol::Ping{nonce});
    EXPECT_EQ(client.wait_for<protocol::Pong>().nonce, nonce);
}

std::string nested_arrays(int depth) {
    return R"({"type":"ping","x":)" + std::string(depth, '[') + std::string(depth, ']') + "}";
}

std::string nested_objects(int depth) {
    std::string frame = R"({"type":"ping","x":)";
    for (int i = 0; i < depth; ++i)
        frame += R"({"a":)";
    frame += "1" + std::string(depth, '}') + "}";
    return frame;
}

std::string array_of(int items) {
    std::string list;
    for (int i = 0; i < items; ++i)
        list += (i == 0 ? "\"t\"" : ",\"t\"");
    return "[" + list + "]";
}

struct BadFrame {
    std::string frame;
    ErrorCode code;
};

// Frames that are refused with an error and leave the connection open.
std::vector<BadFrame> refused_frames() {
    return {
        {"{not json", ErrorCode::bad_json},
        {"", ErrorCode::bad_json},
        {R"({"type":"ping",})", ErrorCode::bad_json},
        {R"({"type":"ping"} // comment)", ErrorCode::bad_json},
        {R"({"type":"join","code":"ABCDEF","nickname":"\ud800"})", ErrorCode::bad_json},
        {"[1,2,3]", ErrorCode::not_object},
        {"\"just a string\"", ErrorCode::not_object},
        {"null", ErrorCode::not_object},
        {R"({"kind":"quiz"})", ErrorCode::missing_type},
        {R"({"type":42})", ErrorCode::missing_type},
        {R"({"type":"warp_drive"})", ErrorCode::unknown_type},
        {R"({"type":"ANSWER","question":0,"choice":1})", ErrorCode::unknown_type},
        {R"({"type":"answer"})", ErrorCode::missing_field},
        {R"({"type":"answer","question":null,"choice":1})", ErrorCode::missing_field},
        {R"({"type":"answer","question":"first","choice":1})", ErrorCode::wrong_type},
        {R"({"type":"answer","question":0,"choice":1.5})", ErrorCode::wrong_type},
        {R"({"type":"answer","question":0,"choice":1.0})", ErrorCode::wrong_type},
        {R"({"type":"answer","question":0,"choice":true})", ErrorCode::wrong_type},
        {R"({"type":"answer","question":99999999999,"choice":1})", ErrorCode::out_of_range},
        {R"({"type":"kick","host_token":"h","player":-1e30})", ErrorCode::out_of_range},
        {R"({"type":"create_room","kind":"party","nickname":"X","settings":{}})",
         ErrorCode::out_of_range},
        {R"({"type":"answer","question":0,"text":")" + std::string(501, 'x') + "\"}",
         ErrorCode::too_long},
        {R"({"type":"judge","host_token":"x","question":0,"group":0,"verdict":"correct",)"
         R"("tips":)" +
             array_of(65) + "}",
         ErrorCode::too_many_items},
        {nested_arrays(17), ErrorCode::too_deep},
        {nested_arrays(1000), ErrorCode::too_deep},
        {nested_objects(1000), ErrorCode::too_deep},
        {nested_arrays(8000), ErrorCode::too_deep},  // just under the 16 KiB frame limit
    };
}

// Everything the decoder refuses, sent mid-question by a stranger and by a seated player who
// then answers as usual: every frame gets its code, nobody is disconnected, nothing leaks to
// the others, and the scores come out right.
TEST(HardeningInput, DecodeErrorsFromAStrangerAndFromASeatedPlayerLeaveTheGameAlone) {
    auto options = test_options();
    options.max_messages_per_second = 1000;  // the sweep is fast; only decoding is under test
    TestServer server(options);
    HonestGame game(server);
    auto stranger = server.client();
    game.start();
    game.wait_question();

    for (TestClient* sender : {stranger.get(), &game.ada()}) {
        for (const auto& bad : refused_frames()) {
            SCOPED_TRACE(bad.frame.substr(0, 80));
            sender->send_text(bad.frame);
            const auto error = sender->wait_for<protocol::Error>();
            EXPECT_EQ(error.code, bad.code) << error.message;
            EXPECT_FALSE(error.message.empty());
        }
        expect_open(*sender, 1);
    }
    // Ada kept her seat: she answers the open question, and the game goes on.
    game.play_question();
    game.finish();
}

// A message that must close its connection: the error code where PROTOCOL.md promises one, the
// close code and the server's close reason (Beast's own closes are not checked for one), and
// only that connection goes.
struct FatalFrame {
    const char* name;
    std::function<void(TestClient&)> send;
    std::optional<ErrorCode> error;
    int close_code;
    std::optional<std::string> close_reason = std::nullopt;
};

// Names the case in test listings (ctest shows the parameter).
void PrintTo(const FatalFrame& frame, std::ostream* out) {
    *out << frame.name;
}

class FatalFrameTest : public ::testing::TestWithParam<FatalFrame> {};

TEST_P(FatalFrameTest, FromASeatedPlayerClosesOnlyThatConnection) {
    const auto& bad = GetParam();
    TestServer server;
    HonestGame game(server);
    auto mallory = game.start_with_player("Mallory");

    bad.send(*mallory);
    if (bad.error) {
        EXPECT_EQ(mallory->wait_for<protocol::Error>().code, *bad.error);
    }
    EXPECT_EQ(mallory->wait_closed(), bad.close_code);
    if (bad.close_reason) {
        EXPECT_EQ(mallory->close_reason(), *bad.close_reason);
    }
    // Mallory's seat no longer holds the question up: it closes once Ada and Ben answer.
    game.play_question();
    game.finish();
}

INSTANTIATE_TEST_SUITE_P(
    HardeningInput, FatalFrameTest,
    ::testing::Values(
        FatalFrame{
            "binary_frame",
            [](TestClient& c) { c.send_binary(R"({"type":"answer","question":0,"choice":1})"); },
            ErrorCode::binary_frame, 1003, "binary_frame"},
        FatalFrame{"over_the_size_limit",
                   [](TestClient& c) {
                       c.send_text(R"({"type":"ping","pad":")" + std::string(17'000, 'x') + "\"}");
                   },
                   ErrorCode::frame_too_large, 1009, "frame_too_large"},
        FatalFrame{"far_over_the_size_limit",
                   [](TestClient& c) { c.send_text(std::string(100'000, ' ')); }, std::nullopt,
                   1009},
        FatalFrame{"invalid_utf8",
                   [](TestClient& c) {
                       c.send_text("{\"type\":\"answer\",\"question\":0,\"text\":\"\xc3\x28\"}");
                   },
                   std::nullopt, 1007},
        FatalFrame{"bytes_utf8_never_uses",
                   [](TestClient& c) { c.send_text("{\"type\":\"ping\",\"x\":\"\xff\xfe\"}"); },
                   std::nullopt, 1007},
        FatalFrame{"overlong_utf8",
                   [](TestClient& c) { c.send_text("{\"type\":\"ping\",\"x\":\"\xc0\xaf\"}"); },
                   std::nullopt, 1007}),
    [](const auto& info) { return std::string(info.param.name); });

// Every action at a moment it does not fit: wrong_state (or answer_rejected wrong_state), and the
// game is as it was.
TEST(HardeningInput, EveryActionInTheWrongStateIsRefusedAndChangesNothing) {
    auto options = test_options();
    options.max_messages_per_second = 1000;
    TestServer server(options);
    HonestGame game(server);
    const auto& token = game.room().host_token;
    auto& host = game.host();
    auto& ada = game.ada();
    auto host_refused = [&](const protocol::ClientMessage& message) {
        SCOPED_TRACE(std::string(protocol::type_of(message)));
        host.send(message);
        const auto error = host.wait_for<protocol::Error>();
        EXPECT_EQ(error.code, ErrorCode::wrong_state) << error.message;
        EXPECT_EQ(error.request, protocol::type_of(message));
    };
    auto answer_refused = [&](int question, ErrorCode code) {
        ada.send(choice_answer(question, 0));
        EXPECT_EQ(ada.wait_for<protocol::AnswerRejected>().code, code);
    };

    // In the lobby.
    answer_refused(0, ErrorCode::wrong_state);
    ada.send(protocol::Grade{0, protocol::SelfGrade::good});
    EXPECT_EQ(ada.wait_for<protocol::Error>().code, ErrorCode::wrong_state);
    for (const protocol::ClientMessage& message : std::vector<protocol::ClientMessage>{
             protocol::Pause{token}, protocol::Continue{token}, protocol::Skip{token},
             protocol::Extend{token, 10}, protocol::EndGame{token},
             protocol::Judge{token, 0, 0, protocol::Verdict::correct, {}, {}},
             protocol::AcceptSuggestions{token, 0}, protocol::Rematch{token, false}}) {
        host_refused(message);
    }

    // While a question is open.
    game.start();
    game.wait_question();
    for (const protocol::ClientMessage& message : std::vector<protocol::ClientMessage>{
             protocol::Start{token}, protocol::Continue{token},
             protocol::Judge{token, 0, 0, protocol::Verdict::correct, {}, {}},
             protocol::AcceptSuggestions{token, 0}, protocol::Rematch{token, false}}) {
        host_refused(message);
    }
    // self_grade in choice mode.
    ada.send(protocol::Grade{0, protocol::SelfGrade::easy});
    EXPECT_EQ(ada.wait_for<protocol::Error>().code, ErrorCode::wrong_state);
    // Paused: a second pause, a skip and an answer are refused; continue restarts the clock.
    host.send(protocol::Pause{token});
    EXPECT_EQ(ada.wait_for<protocol::Paused>().reason, protocol::PauseReason::host);
    host_refused(protocol::Pause{token});
    host_refused(protocol::Skip{token});
    answer_refused(0, ErrorCode::wrong_state);
    host.send(protocol::Continue{token});
    ada.wait_for<protocol::Continued>();
    game.play_question();

    // On a reveal: no question is open to extend.
    game.answer_both();
    game.reveal(false, /*advance=*/false);
    host_refused(protocol::Extend{token, 10});
    game.advance();
    game.finish();
    const int last = HonestGame::questions - 1;

    // After the game.
    for (const protocol::ClientMessage& message : std::vector<protocol::ClientMessage>{
             protocol::Start{token}, protocol::Pause{token}, protocol::Continue{token},
             protocol::Skip{token}, protocol::Extend{token, 10}, protocol::EndGame{token}}) {
        host_refused(message);
    }
    answer_refused(last, ErrorCode::wrong_state);
    expect_open(ada, 5);
}

// A seated player's answers that do not count: a second answer, a late one, one for another
// question, one that does not fit the mode. Only the first valid answer is scored.
TEST(HardeningInput, SecondLateAndMalformedAnswersDoNotChangeAnyScore) {
    TestServer server;
    HonestGame game(server);
    game.start();
    const auto question = game.wait_question();
    auto& ada = game.ada();
    auto& ben = game.ben();
    auto rejected = [](TestClient& player, const protocol::Answer& answer) {
        player.send(answer);
        return player.wait_for<protocol::AnswerRejected>().code;
    };

    EXPECT_EQ(rejected(ada, choice_answer(0, 4)), ErrorCode::invalid_answer);
    EXPECT_EQ(rejected(ada, choice_answer(0, -1)), ErrorCode::invalid_answer);
    EXPECT_EQ(rejected(ada, text_answer(0, "a guess in words")), ErrorCode::invalid_answer);
    EXPECT_EQ(rejected(ada, protocol::Answer{0, 1, std::string("both")}),
              ErrorCode::invalid_answer);
    EXPECT_EQ(rejected(ada, protocol::Answer{0, std::nullopt, std::nullopt}),
              ErrorCode::invalid_answer);
    EXPECT_EQ(rejected(ada, choice_answer(1, 0)), ErrorCode::unknown_question);
    EXPECT_EQ(rejected(ada, choice_answer(-1, 0)), ErrorCode::unknown_question);
    game.answer(Who::ben);  // wrong
    // Ben tries again with the right choice while the question is still open (Ada has not
    // answered): refused, his wrong answer stands.
    EXPECT_EQ(rejected(ben, choice_answer(0, correct_choice(question))),
              ErrorCode::already_answered);
    game.answer(Who::ada);
    game.reveal(false, /*advance=*/false);
    // After the reveal the same question is too late, and once the next opens it is unknown.
    EXPECT_EQ(rejected(ben, choice_answer(0, correct_choice(question))), ErrorCode::too_late);
    game.advance();
    game.wait_question();
    EXPECT_EQ(rejected(ben, choice_answer(0, correct_choice(question))),
              ErrorCode::unknown_question);
    game.finish();
}

// Resume tokens that must not work, tried while a game runs: forged ones for the live room,
// one that was given up (leave), one revoked (kick) and one expired (a 1 s grace). Each gets
// bad_resume_token, the connection stays open and unseated, and the game does not notice.
TEST(HardeningInput, ForgedRevokedAndTakenOverResumeTokensAreRefusedWhileTheGameGoesOn) {
    auto options = test_options();
    options.resume_grace = 1s;
    TestServer server(options);
    HonestGame game(server);
    const auto& code = game.room().code;

    auto leaver = server.client();
    const auto left = join_room(*leaver, code, "Leaver");
    leaver->send(protocol::Leave{});
    leaver->wait_for<protocol::Left>();
    auto kicked = server.client();
    const auto removed = join_room(*kicked, code, "Kicked");
    game.host().send(protocol::Kick{game.room().host_token, removed.player.value_or(0)});
    kicked->wait_for<protocol::Kicked>();
    auto dropper = server.client();
    const auto dropped = join_room(*dropper, code, "Dropper");

    game.start();
    game.wait_question();
    dropper->wait_for<protocol::Question>();
    dropper->drop();
    // The host sees the seat go (Ada, Ben and Dropper seated; two connected), then the grace
    // runs out.
    for (;;) {
        const auto roster = game.host().wait_for<protocol::Roster>();
        if (roster.count == 3 && roster.connected == 2)
            break;
    }
    std::this_thread::sleep_for(options.resume_grace + 500ms);
    // Past the grace the nickname is free; a newcomer who takes it revokes the gone seat.
    auto newcomer = server.client();
    join_room(*newcomer, code, "Dropper");
    newcomer->send(protocol::Leave{});
    newcomer->wait_for<protocol::Left>();

    const std::string& real = game.room().resume_token;  // the host's, still good
    std::string one_off = real;
    one_off.back() = one_off.back() == 'A' ? 'B' : 'A';
    std::string lower_code = real;
    for (std::size_t i = 0; i < code.size(); ++i)
        lower_code[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(real[i])));
    const std::vector<std::string> refused_tokens = {
        code + "." + std::string(32, 'A'),  // forged for the live room
        one_off,
        lower_code,  // tokens are compared exactly
        code + ".",
        code,
        "",
        "." + real.substr(code.size() + 1),
        std::string(64, 'x'),
        left.resume_token,     // given up with leave
        removed.resume_token,  // revoked by the kick
        dropped.resume_token,  // gone past the grace, its nickname taken
    };
    auto stranger = server.client();
    for (const auto& token : refused_tokens) {
        SCOPED_TRACE(token);
        stranger->send(protocol::Resume{token});
        const auto error = stranger->wait_for<protocol::Error>();
        EXPECT_EQ(error.code, ErrorCode::bad_resume_token) << error.message;
        EXPECT_EQ(error.field, "token");
    }
    expect_open(*stranger, 3);
    // Not seated by any of that: a room action is refused.
    stranger->send(choice_answer(0, 0));
    EXPECT_EQ(stranger->wait_for<protocol::Error>().code, ErrorCode::not_in_room);

    game.play_question();
    game.finish();
}

// Joins that must fail while a game runs: unknown, locked and full rooms, taken and invalid
// nicknames. The refused connection stays open and unseated; the game does not notice.
TEST(HardeningInput, RefusedJoinsDuringAGameLeaveItAlone) {
    auto options = test_options();
    options.max_messages_per_second = 1000;
    TestServer server(options);
    auto settings = HonestGame::default_settings();
    settings.capacity = 3;
    HonestGame game(server, settings);
    game.start();
    game.wait_question();
    const auto& code = game.room().code;
    auto stranger = server.client();
    auto refused = [&](const std::string& room, const std::string& nickname) {
        stranger->send(protocol::Join{room, nickname, std::nullopt});
        return stranger->wait_for<protocol::Error>();
    };

    EXPECT_EQ(refused("ZZZZZZ", "Eve").code, ErrorCode::room_not_found);
    EXPECT_EQ(refused("", "Eve").code, ErrorCode::room_not_found);
    EXPECT_EQ(refused(code + "X", "Eve").code, ErrorCode::room_not_found);
    EXPECT_EQ(refused(code, "ada").code, ErrorCode::nickname_taken);
    EXPECT_EQ(refused(code, "BEN").code, ErrorCode::nickname_taken);
    EXPECT_EQ(refused(code, "host").code, ErrorCode::nickname_taken);     // the host's counts too
    EXPECT_EQ(refused(code, "  Ada  ").code, ErrorCode::nickname_taken);  // trimmed first
    for (const std::string& nickname :
         std::vector<std::string>{"", "   ", "\t \t", "Ev\ae", "Tab\tname", "Line\nbreak",
                                  "Del\x7f", "Nel\xc2\x85", "Esc\x1b[31m", std::string(25, 'x')}) {
        SCOPED_TRACE(nickname);
        const auto error = refused(code, nickname);
        EXPECT_EQ(error.code, ErrorCode::invalid_nickname) << error.message;
        EXPECT_EQ(error.field, "nickname");
    }
    EXPECT_EQ(refused(code, std::string(65, 'x')).code, ErrorCode::too_long);
    game.play_question();

    // Locked mid-game: refused until unlocked.
    game.host().send(protocol::Lock{game.room().host_token, true});
    while (!game.host().wait_for<protocol::Roster>().locked) {
    }
    EXPECT_EQ(refused(code, "Eve").code, ErrorCode::room_locked);
    game.host().send(protocol::Lock{game.room().host_token, false});
    while (game.host().wait_for<protocol::Roster>().locked) {
    }
    // A late joiner fills the room (capacity 3); the next one is refused; the late joiner
    // leaves and holds nothing up.
    auto carol = server.client();
    const auto joined = join_room(*carol, code, "Carol");
    EXPECT_EQ(joined.phase, protocol::RoomPhase::question);
    EXPECT_EQ(refused(code, "Eve").code, ErrorCode::room_full);
    carol->send(protocol::Leave{});
    carol->wait_for<protocol::Left>();
    expect_open(*stranger, 9);
    game.finish();
}

}  // namespace
}  // namespace rapidfire::test
