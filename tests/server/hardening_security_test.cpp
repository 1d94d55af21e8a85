// Security over real sockets: the host token on every host action, secrets kept out of the log,
// room passwords, the Origin allow-list's exact match. The connection limits, overall and per
// address, are hardening_limits_test's.

#include <gtest/gtest.h>

#include "game_steps.hpp"
#include "test_server.hpp"

namespace rapidfire::test {
namespace {

using protocol::ErrorCode;
using Who = HonestGame::Who;

// Every host action, mid-game, with an empty token, a wrong one, a resume token in its place,
// from a player holding the real token, and from a stranger: each refused with the right code,
// and none of them changes the game.
TEST(HostTokenSweep, EveryHostActionChecksTheSeatAndTheToken) {
    auto options = test_options();
    options.max_messages_per_second = 1000;  // the sweep is fast; only the checks are under test
    TestServer server(options);
    HonestGame game(server);
    game.start();
    game.wait_question();
    const auto& real = game.room().host_token;
    const auto ada_id = game.id_of(Who::ada);
    auto actions = [&](const std::string& token) {
        return std::vector<protocol::ClientMessage>{
            protocol::Start{token},
            protocol::Pause{token},
            protocol::Continue{token},
            protocol::Skip{token},
            protocol::Extend{token, 60},
            protocol::EndGame{token},
            protocol::Kick{token, ada_id},
            protocol::Lock{token, true},
            protocol::Judge{token, 0, 0, protocol::Verdict::correct, {}, {}},
            protocol::AcceptSuggestions{token, 0},
            protocol::Rematch{token, false},
        };
    };
    auto expect_refused_with = [](TestClient& sender, const protocol::ClientMessage& message,
                                  ErrorCode code) {
        SCOPED_TRACE(std::string(protocol::type_of(message)));
        sender.send(message);
        const auto error = sender.wait_for<protocol::Error>();
        EXPECT_EQ(error.code, code) << error.message;
        EXPECT_EQ(error.request, protocol::type_of(message));
    };

    std::string wrong = real;
    wrong.back() = wrong.back() == 'A' ? 'B' : 'A';  // one character off
    for (const std::string& token : {std::string(), wrong, std::string(real.size(), 'A'),
                                     game.room().resume_token, real + "x", real.substr(1)}) {
        for (const auto& message : actions(token))
            expect_refused_with(game.host(), message, ErrorCode::bad_host_token);
    }
    for (const auto& message : actions(real))
        expect_refused_with(game.ada(), message, ErrorCode::not_host);
    auto stranger = server.client();
    for (const auto& message : actions(real))
        expect_refused_with(*stranger, message, ErrorCode::not_in_room);
    // Without the field at all the decoder refuses it first: the token is a required field.
    game.host().send_text(R"({"type":"end"})");
    const auto missing = game.host().wait_for<protocol::Error>();
    EXPECT_EQ(missing.code, ErrorCode::missing_field);
    EXPECT_EQ(missing.field, "host_token");

    // Nothing happened: no pause, no kick, no lock, no end; the question is as it was.
    game.finish();
}

// Everything secret a game hands out (host token, resume tokens, the room password) stays out
// of the log, even at trace level, through create, join, resume, wrong tokens, kick, leave and a
// whole game.
TEST(SecretsInTheLog, TokensAndPasswordsNeverAppearEvenAtTraceLevel) {
    LogCapture capture("trace");
    std::vector<std::string> secrets;
    {
        auto options = test_options();
        options.log_level = "trace";
        TestServer server(options);
        HonestGame game(server);
        secrets.push_back(game.room().host_token);
        secrets.push_back(game.room().resume_token);

        auto carol = server.client();
        const auto joined = join_room(*carol, game.room().code, "Carol");
        secrets.push_back(joined.resume_token);
        carol->drop();
        auto carol_again = server.client();
        carol_again->send(protocol::Resume{joined.resume_token});
        EXPECT_TRUE(carol_again->wait_for<protocol::Joined>().resumed);
        game.host().send(protocol::Start{game.room().host_token + "x"});
        EXPECT_EQ(game.host().wait_for<protocol::Error>().code, ErrorCode::bad_host_token);
        game.host().send(protocol::Kick{game.room().host_token, *joined.player});
        carol_again->wait_for<protocol::Kicked>();
        carol_again->send(protocol::Resume{joined.resume_token});
        EXPECT_EQ(carol_again->wait_for<protocol::Error>().code, ErrorCode::bad_resume_token);

        auto owner = server.client();
        protocol::RoundSettings locked;
        locked.password = "correct-horse-battery";
        const auto vault = create_room(*owner, protocol::RoomKind::quiz, "Owner", locked);
        secrets.push_back(vault.host_token);
        secrets.push_back(*locked.password);
        auto guest = server.client();
        guest->send(protocol::Join{vault.code, "Guest", std::string("correct-horse-battery")});
        secrets.push_back(guest->wait_for<protocol::Joined>().resume_token);
        guest->send(protocol::Leave{});
        guest->wait_for<protocol::Left>();

        game.start();
        game.finish();
    }
    const std::string log = capture.text();
    // The capture works: the log speaks of what happened, by room code and nickname.
    EXPECT_NE(log.find("Carol"), std::string::npos) << log;
    EXPECT_NE(log.find("joined"), std::string::npos);
    for (const auto& secret : secrets) {
        EXPECT_EQ(log.find(secret), std::string::npos) << "logged: " << secret;
        // A resume token is the room code, a dot and the secret part: that part alone neither.
        const auto dot = secret.find('.');
        if (dot != std::string::npos) {
            const auto part = secret.substr(dot + 1);
            EXPECT_EQ(log.find(part), std::string::npos) << "logged: " << part;
        }
    }
}

TEST(Password, APasswordRoomWantsTheExactPasswordAndNeverShowsIt) {
    TestServer server;
    auto owner = server.client();
    protocol::RoundSettings settings;
    settings.password = "Open Sesame";
    const auto room = create_room(*owner, protocol::RoomKind::quiz, "Owner", settings);
    auto guest = server.client();
    for (const std::optional<std::string>& attempt :
         {std::optional<std::string>(), std::optional<std::string>(""),
          std::optional<std::string>("open sesame"), std::optional<std::string>("Open Sesame "),
          std::optional<std::string>("Open")}) {
        guest->send(protocol::Join{room.code, "Guest", attempt});
        const auto error = guest->wait_for<protocol::Error>();
        EXPECT_EQ(error.code, ErrorCode::wrong_password) << attempt.value_or("(none)");
        EXPECT_EQ(error.field, "password");
    }
    guest->send(protocol::Join{room.code, "Guest", std::string("Open Sesame")});
    const auto joined = guest->wait_for<protocol::Joined>();
    EXPECT_FALSE(joined.settings.password.has_value());
    // A dropped guest comes back with the resume token alone.
    guest->drop();
    auto back = server.client();
    back->send(protocol::Resume{joined.resume_token});
    const auto resumed = back->wait_for<protocol::Joined>();
    EXPECT_TRUE(resumed.resumed);
    EXPECT_FALSE(resumed.settings.password.has_value());
}

// With --allowed-origin, a browser's WebSocket opens only from a listed Origin, matched
// exactly, or from the page's own (http://127.0.0.1 here, the Host these clients send: none of
// the near misses); another site and every near miss get 403. Non-browser clients send no
// Origin and are let in.
TEST(OriginCheck, OnlyAnExactMatchOpensTheWebSocket) {
    auto options = test_options();
    options.allowed_origins = {"https://quiz.example", "http://localhost:8080"};
    TestServer server(options);
    for (const char* allowed : {"https://quiz.example", "http://localhost:8080"}) {
        ClientOptions client;
        client.origin = allowed;
        EXPECT_TRUE(try_handshake(server.port(), client).upgraded) << allowed;
    }
    for (const char* refused_origin :
         {"https://evil.example", "https://quiz.example/", "http://quiz.example",
          "HTTPS://QUIZ.EXAMPLE", "https://quiz.example.evil.example", "https://evil.quiz.example",
          "https://quiz.example:443", "https://quiz.exampl", "http://localhost", "null", ""}) {
        ClientOptions client;
        client.origin = refused_origin;
        const auto refused = try_handshake(server.port(), client);
        EXPECT_FALSE(refused.upgraded) << refused_origin;
        EXPECT_EQ(refused.status, 403) << refused_origin;
    }
    EXPECT_TRUE(try_handshake(server.port(), ClientOptions{}).upgraded);
}

}  // namespace
}  // namespace rapidfire::test
