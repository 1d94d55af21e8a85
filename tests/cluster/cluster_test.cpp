// Several servers behind HAProxy with one PostgreSQL record, all real processes on loopback:
// PostgreSQL in a temporary folder, three rapidfire-server processes (nodes A, B and C) and
// HAProxy with the project's own configuration. Rooms spread over the servers and are reached by
// their codes through the proxy; the record answers the same from every server; a server that
// is killed takes only its own rooms with it; one that drains finishes its games and exits; a
// database restart loses nothing.

#include <signal.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <future>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <boost/json.hpp>

#include "game_steps.hpp"
#include "haproxy_process.hpp"
#include "postgres_cluster.hpp"
#include "process.hpp"
#include "scratch_dir.hpp"
#include "server_process.hpp"
#include "test_client.hpp"

namespace rapidfire::test {
namespace {

namespace json = boost::json;
using namespace protocol;

constexpr const char* admin_token = "cluster-test-admin-token-0123456789";
constexpr std::array<char, 3> nodes = {'A', 'B', 'C'};

// One PostgreSQL for the whole suite; each test has a database of its own.
PostgresCluster& postgres() {
    static PostgresCluster cluster;
    return cluster;
}

RoundSettings quick_quiz() {
    RoundSettings settings;
    settings.questions = 2;
    settings.seconds = 30;
    settings.reveal_seconds = 0;
    settings.streak_bonus = false;
    return settings;
}

// A room played through the proxy: its host and one player, each on a socket that names it.
struct ProxyRoom {
    std::unique_ptr<TestClient> host;
    std::unique_ptr<TestClient> player;
    RoomCreated created;
    std::string player_token;
    char node() const { return created.code.front(); }
};

class Cluster : public ::testing::Test {
  protected:
    void SetUp() override {
        static int databases = 0;
        const std::string database = "cluster_" + std::to_string(++databases);
        postgres().create_database(database);
        url_ = postgres().url(database);
        ::setenv("RAPIDFIRE_ADMIN_TOKEN", admin_token, 1);
        std::map<char, std::uint16_t> ports;
        for (const char node : nodes) {
            servers_[node] = std::make_unique<ServerProcess>(
                std::vector<std::string>{"--database", url_, "--node-id", std::string(1, node),
                                         "--drain-seconds", "60", "--max-connections-per-ip", "0"});
            ports[node] = servers_[node]->wait_listening(15s);
        }
        ports_ = ports;
        proxy_ = std::make_unique<HaproxyProcess>(dir_.path(), ports);
    }

    std::uint16_t proxy() const { return proxy_->port(); }

    // A client through the proxy on a socket for `room` (none: any server).
    std::unique_ptr<TestClient> client(const std::string& room = {}) {
        ClientOptions options;
        if (!room.empty())
            options.target = "/ws?room=" + room;
        return std::make_unique<TestClient>(welcomed_client(proxy(), options));
    }

    // Creates a room through the proxy as a client would: a server that is shutting down refuses
    // the socket (503) or the room (server_draining), and the client tries again.
    std::pair<std::unique_ptr<TestClient>, RoomCreated> create(
        RoomKind kind, RoundSettings settings, std::optional<std::string> identity = std::nullopt) {
        for (int attempt = 0; attempt < 50; ++attempt) {
            std::unique_ptr<TestClient> host;
            try {
                host = client();
            } catch (const std::exception&) {
                std::this_thread::sleep_for(100ms);
                continue;
            }
            host->send(CreateRoom{kind, "Host", settings, identity});
            auto reply = host->next();
            if (auto* created = std::get_if<RoomCreated>(&reply))
                return {std::move(host), *created};
            const auto& error = std::get<Error>(reply);
            EXPECT_EQ(error.code, ErrorCode::server_draining) << error.message;
            std::this_thread::sleep_for(100ms);
        }
        throw std::runtime_error("no server took the room");
    }

    // A quiz room with one player who joined through the proxy.
    ProxyRoom quiz_room(const std::string& nickname = "Pat") {
        ProxyRoom room;
        std::tie(room.host, room.created) = create(RoomKind::quiz, quick_quiz());
        room.player = client(room.created.code);
        room.player_token = join_room(*room.player, room.created.code, nickname).resume_token;
        return room;
    }

    // Rooms until every server holds one (new rooms go to the server with the fewest
    // connections, and each room keeps its host's and player's open).
    std::map<char, ProxyRoom> one_room_per_server() {
        std::map<char, ProxyRoom> rooms;
        for (int i = 0; i < 12 && rooms.size() < nodes.size(); ++i) {
            auto room = quiz_room();
            const char node = room.node();
            rooms.try_emplace(node, std::move(room));
        }
        EXPECT_EQ(rooms.size(), nodes.size());
        return rooms;
    }

    // The player answers the open question right and is accepted; the host moves on.
    static void play_question(ProxyRoom& room, int index) {
        const auto question = room.player->wait_for<Question>();
        ASSERT_EQ(question.question, index);
        room.player->send(choice_answer(index, correct_choice(question)));
        room.player->wait_for<AnswerAccepted>();
        room.player->wait_for<Result>();
    }
    static void finish(ProxyRoom& room) {
        room.host->send(Skip{room.created.host_token});
        play_question(room, 1);
        room.host->send(Skip{room.created.host_token});
        EXPECT_EQ(room.player->wait_for<GameOver>().questions, 2);
    }

    json::array games_listed(std::uint16_t port) {
        const auto reply =
            http_get_authorized(port, "/api/games?limit=100", std::string("Bearer ") + admin_token);
        EXPECT_EQ(reply.status, 200) << reply.body;
        return json::parse(reply.body).at("games").as_array();
    }
    std::optional<json::object> game_listed(std::uint16_t port, const std::string& code) {
        for (const auto& game : games_listed(port)) {
            if (game.at("code").as_string() == code)
                return game.as_object();
        }
        return std::nullopt;
    }

    ScratchDir dir_{"cluster"};
    std::string url_;
    std::map<char, std::unique_ptr<ServerProcess>> servers_;
    std::map<char, std::uint16_t> ports_;
    std::unique_ptr<HaproxyProcess> proxy_;
};

TEST_F(Cluster, RoomsSpreadOverEveryServerAndPlayersReachThemByCode) {
    auto rooms = one_room_per_server();
    ASSERT_EQ(rooms.size(), nodes.size());
    for (auto& [node, room] : rooms) {
        EXPECT_EQ(room.created.code.size(), 7u);
        room.host->send(Start{room.created.host_token});
        play_question(room, 0);
        // A dropped player resumes through the proxy and lands on the room's server.
        room.player->drop();
        room.player = client(room.created.code);
        room.player->send(Resume{room.player_token});
        EXPECT_TRUE(room.player->wait_for<Joined>().resumed);
        finish(room);
    }
    // The record is one: every server, and the proxy, list every server's games, finished (the
    // last batch is committed within the writer's interval).
    for (const auto& [node, port] : ports_) {
        for (const auto& [room_node, room] : rooms) {
            const auto deadline = Clock::now() + 10s;
            for (;;) {
                const auto game = game_listed(port, room.created.code);
                if (game && !game->at("finished_at").is_null())
                    break;
                ASSERT_LT(Clock::now(), deadline)
                    << room.created.code << " is not listed as finished by server " << node;
                std::this_thread::sleep_for(50ms);
            }
        }
    }
    EXPECT_GE(games_listed(proxy()).size(), nodes.size());
}

// The console client names the room in its URL too: a mock interview (the interviewer judges)
// played by two rapidfire-client processes through the proxy, and its record and export read
// back through the proxy from whichever server answers.
TEST_F(Cluster, AnInterviewOfConsoleClientsPlaysThroughTheProxy) {
    ::setenv("XDG_STATE_HOME", (dir_.path() / "state").c_str(), 1);
    const std::string url = "ws://127.0.0.1:" + std::to_string(proxy()) + "/ws";
    auto console = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"--url", url, "--no-color"});
        return e2e::Process::start(RAPIDFIRE_CLIENT_BINARY, args);
    };
    auto host = console({"host", "--kind", "interview", "--questions", "2", "--seconds", "30",
                         "--reveal", "1", "--name", "Iris"});
    const auto room_line = host->wait_for_line("room ");
    ASSERT_TRUE(room_line) << host->transcript();
    const std::string code = room_line->substr(5);
    ASSERT_EQ(code.size(), 7u) << code;
    auto candidate = console({"join", code, "--name", "cand"});
    ASSERT_TRUE(host->wait_for_line("players 1: cand")) << host->transcript();
    host->write_line("start");
    host->write_line("c Crisp and clear.");
    host->write_line("w Think about what it prevents.");
    for (int question = 0; question < 2; ++question) {
        ASSERT_TRUE(candidate->wait_for_line("question ")) << candidate->transcript();
        candidate->write_line(question == 0 ? "it generalises" : "more layers");
    }
    EXPECT_EQ(host->wait_exit(), 0) << host->transcript();
    EXPECT_EQ(candidate->wait_exit(), 0) << candidate->transcript();
    EXPECT_EQ(candidate->output().find("# Interview summary: cand") != std::string::npos, true)
        << candidate->transcript();

    // The record, through the proxy: the interview, finished, and its export with both marks.
    std::optional<json::object> game;
    const auto deadline = Clock::now() + 10s;
    while (!(game = game_listed(proxy(), code)) || game->at("finished_at").is_null()) {
        ASSERT_LT(Clock::now(), deadline) << code << " never reached the record";
        std::this_thread::sleep_for(50ms);
    }
    EXPECT_EQ(game->at("kind").as_string(), "interview");
    const auto results = http_get_authorized(
        proxy(), "/api/games/" + std::to_string(game->at("id").as_int64()) + "/results.json",
        std::string("Bearer ") + admin_token);
    ASSERT_EQ(results.status, 200) << results.body;
    EXPECT_NE(results.body.find("Crisp and clear."), std::string::npos) << results.body;
    EXPECT_NE(results.body.find("Think about what it prevents."), std::string::npos)
        << results.body;
}

// Players looking for a partner meet although new sockets are spread over the servers: the
// proxy sends every socket for the queue (/ws?match=1) to the same server, and each pair's room
// is made there.
TEST_F(Cluster, PlayersLookingForAPartnerMeetOnOneServer) {
    constexpr int peers = 6;
    std::vector<std::unique_ptr<TestClient>> clients;
    ClientOptions options;
    options.target = "/ws?match=1";
    for (int i = 0; i < peers; ++i) {
        clients.push_back(std::make_unique<TestClient>(welcomed_client(proxy(), options)));
        MatchJoin join;
        join.nickname = "Peer " + std::to_string(i);
        join.topics = {"evaluation"};
        join.role = i % 2 == 0 ? MatchRole::interviewer : MatchRole::candidate;
        clients.back()->send(join);
    }
    std::set<std::string> codes;
    for (auto& peer : clients) {
        peer->wait_for<MatchProposed>();
        peer->send(MatchConfirm{});
    }
    std::vector<Joined> seats;
    for (auto& peer : clients) {
        const auto found = peer->wait_for<MatchFound>();
        codes.insert(found.code);
        EXPECT_EQ(found.code.front(), nodes.front()) << "the first server pairs everyone";
        seats.push_back(peer->wait_for<Joined>());
        EXPECT_EQ(seats.back().code, found.code);
        EXPECT_EQ(peer->wait_for<Question>().question, 0);
    }
    EXPECT_EQ(codes.size(), static_cast<std::size_t>(peers / 2));

    // A pair's socket that drops comes back to its room by its code, like any player's.
    clients.front()->drop();
    auto back = client(seats.front().code);
    back->send(Resume{seats.front().resume_token});
    const auto resumed = back->wait_for<Joined>();
    EXPECT_TRUE(resumed.resumed);
    EXPECT_EQ(resumed.code, seats.front().code);
}

TEST_F(Cluster, RoomsCreatedAtOnceThroughTheProxyGetUniqueCodes) {
    constexpr int count = 24;
    std::vector<std::future<std::pair<std::unique_ptr<TestClient>, RoomCreated>>> creating;
    for (int i = 0; i < count; ++i) {
        creating.push_back(std::async(std::launch::async, [this] {
            auto host = client();
            host->send(CreateRoom{RoomKind::quiz, "Host", quick_quiz()});
            auto created = host->wait_for<RoomCreated>();
            return std::make_pair(std::move(host), created);
        }));
    }
    std::set<std::string> codes;
    std::set<char> servers;
    std::vector<std::unique_ptr<TestClient>> hosts;
    for (auto& f : creating) {
        auto [host, created] = f.get();
        codes.insert(created.code);
        servers.insert(created.code.front());
        hosts.push_back(std::move(host));
    }
    EXPECT_EQ(codes.size(), static_cast<std::size_t>(count));
    EXPECT_EQ(servers.size(), nodes.size());
}

TEST_F(Cluster, ASoloBestIsTheSameWhicheverServerIsAsked) {
    const std::string identity = "cluster-solo-identity-0123456789";
    // Two runs of one configuration, on two servers: the second counts the first.
    for (const char node : {'A', 'B'}) {
        auto runner = welcomed_client(ports_.at(node));
        const auto question = start_one_question_solo_run(runner, "Sol", identity);
        runner.send(choice_answer(0, correct_choice(question)));
        const auto personal = runner.wait_for<PersonalBest>(10s);
        EXPECT_EQ(personal.runs, node == 'A' ? 0 : 1) << "run on " << node;
    }
    // The leaderboard of that configuration is the same from every server and the proxy.
    std::set<std::string> boards;
    for (const auto port : {ports_.at('A'), ports_.at('B'), ports_.at('C'), proxy()}) {
        const auto reply = http_get(port, "/api/solo/leaderboard?questions=1");
        EXPECT_EQ(reply.status, 200) << reply.body;
        const auto runs = json::parse(reply.body).at("runs").as_array();
        EXPECT_EQ(runs.size(), 1u) << reply.body;
        boards.insert(reply.body);
    }
    EXPECT_EQ(boards.size(), 1u);
}

TEST_F(Cluster, AKilledServersPlayersHearTheirRoomIsGoneTheOthersPlayOnAndItComesBack) {
    auto rooms = one_room_per_server();
    ASSERT_EQ(rooms.size(), nodes.size());
    for (auto& [node, room] : rooms) {
        room.host->send(Start{room.created.host_token});
        play_question(room, 0);
    }
    // B's answer is committed (the writer's batch) before the crash.
    auto& doomed = rooms.at('B');
    const auto deadline = Clock::now() + 10s;
    for (;;) {
        const auto game = game_listed(ports_.at('A'), doomed.created.code);
        if (game && game->at("players").as_int64() == 1)
            break;
        ASSERT_LT(Clock::now(), deadline) << "B's answer never reached the record";
        std::this_thread::sleep_for(50ms);
    }
    servers_.at('B')->signal(SIGKILL);
    ASSERT_TRUE(servers_.at('B')->wait_exit(5s).has_value());

    // B's player and host are cut off; back through the proxy, they hear the room is gone.
    EXPECT_TRUE(doomed.player->wait_closed(5s).has_value() || doomed.player->closed());
    for (const auto& token : {doomed.player_token, doomed.created.resume_token}) {
        auto back = client(doomed.created.code);
        back->send(Resume{token});
        const auto error = back->wait_for<Error>();
        EXPECT_EQ(error.code, ErrorCode::room_server_gone) << error.message;
    }
    // The other servers' games finish untouched.
    for (const char node : {'A', 'C'})
        finish(rooms.at(node));
    // What B recorded before it died is still there, from any server.
    const auto game = game_listed(proxy(), doomed.created.code);
    ASSERT_TRUE(game);
    EXPECT_EQ(game->at("players").as_int64(), 1);
    EXPECT_TRUE(game->at("finished_at").is_null());
    // New rooms go to the servers that are left.
    std::vector<std::unique_ptr<TestClient>> hosts;
    for (int i = 0; i < 4; ++i) {
        auto [host, created] = create(RoomKind::quiz, quick_quiz());
        EXPECT_NE(created.code.front(), 'B');
        hosts.push_back(std::move(host));
    }
    // B comes back where it was and takes new rooms again once its health check passes (it has
    // the fewest connections, so the next new room is its own).
    servers_.at('B') = std::make_unique<ServerProcess>(
        std::vector<std::string>{"--database", url_, "--node-id", "B", "--port",
                                 std::to_string(ports_.at('B')), "--max-connections-per-ip", "0"});
    servers_.at('B')->wait_listening(15s);
    const auto back_by = Clock::now() + 15s;
    for (;;) {
        auto [host, created] = create(RoomKind::quiz, quick_quiz());
        if (created.code.front() == 'B')
            break;
        hosts.push_back(std::move(host));
        ASSERT_LT(Clock::now(), back_by) << "no new room on B after it came back";
        std::this_thread::sleep_for(100ms);
    }
}

TEST_F(Cluster, ADrainingServerFinishesItsGameTakesNoNewRoomThenExits) {
    auto rooms = one_room_per_server();
    ASSERT_EQ(rooms.size(), nodes.size());
    auto& draining = rooms.at('C');
    draining.host->send(Start{draining.created.host_token});
    play_question(draining, 0);

    servers_.at('C')->signal(SIGTERM);
    const auto deadline = Clock::now() + 10s;
    for (;;) {
        const auto health = http_get(ports_.at('C'), "/healthz");
        if (health.status == 503) {
            EXPECT_NE(health.body.find("\"draining\""), std::string::npos) << health.body;
            break;
        }
        ASSERT_LT(Clock::now(), deadline) << "C never said it was draining";
        std::this_thread::sleep_for(20ms);
    }
    // No new room starts on C, through the proxy or on C directly.
    std::vector<std::unique_ptr<TestClient>> hosts;
    for (int i = 0; i < 6; ++i) {
        auto [host, created] = create(RoomKind::quiz, quick_quiz());
        EXPECT_NE(created.code.front(), 'C');
        hosts.push_back(std::move(host));
    }
    EXPECT_EQ(try_handshake(ports_.at('C'), {}).status, 503);

    // C's players still reach it: one drops and resumes through the proxy, and the game ends.
    draining.player->drop();
    draining.player = client(draining.created.code);
    draining.player->send(Resume{draining.player_token});
    EXPECT_TRUE(draining.player->wait_for<Joined>().resumed);
    finish(draining);
    // With no game left in play, C closes its connections and exits on its own.
    EXPECT_EQ(draining.player->wait_closed(10s), 1012);
    EXPECT_EQ(draining.host->wait_closed(10s), 1012);
    EXPECT_EQ(servers_.at('C')->wait_exit(10s), 0);
}

TEST_F(Cluster, ADatabaseRestartMidGameLosesNothingThatWasAccepted) {
    auto room = quiz_room();
    room.host->send(Start{room.created.host_token});
    postgres().stop();
    play_question(room, 0);
    finish(room);
    // Meanwhile the record says it cannot be reached, without naming the database.
    const auto away =
        http_get_authorized(proxy(), "/api/games", std::string("Bearer ") + admin_token);
    EXPECT_EQ(away.status, 503) << away.body;
    EXPECT_EQ(away.body.find("127.0.0.1"), std::string::npos) << away.body;
    postgres().start();
    // The writer commits the game once the database is back: every answer, and its end.
    const auto deadline = Clock::now() + 30s;
    for (;;) {
        const auto game = game_listed(proxy(), room.created.code);
        if (game && !game->at("finished_at").is_null()) {
            EXPECT_EQ(game->at("players").as_int64(), 1);
            EXPECT_EQ(game->at("questions").as_int64(), 2);
            break;
        }
        ASSERT_LT(Clock::now(), deadline) << "the game never reached the record";
        std::this_thread::sleep_for(100ms);
    }
}

}  // namespace
}  // namespace rapidfire::test
