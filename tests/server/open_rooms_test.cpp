// The open rooms over real sockets: list_rooms on the WebSocket and GET /api/rooms. The list
// comes from a snapshot up to a second old, so every test asks again (bounded) until the list
// shows what it waits for, and never sleeps a fixed time before it looks.

#include <algorithm>
#include <functional>
#include <map>
#include <thread>

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "game_steps.hpp"
#include "rapidfire/protocol/codec.hpp"
#include "scratch_dir.hpp"
#include "test_server.hpp"

namespace rapidfire::test {
namespace {

namespace json = boost::json;
using protocol::OpenRoom;
using protocol::RoomKind;
using protocol::RoomList;

// The list is refreshed once a second: this leaves room for a slow machine.
constexpr auto list_patience = 10s;
constexpr auto poll_interval = 50ms;

// One list_rooms exchange: the room_list (or error) as decoded, and the frame as sent.
struct Answer {
    protocol::ServerMessage message;
    std::string frame;
};

Answer ask(TestClient& watcher, const protocol::ListRooms& request) {
    watcher.send(request);
    for (;;) {
        auto frame = watcher.next_text();
        if (!frame)
            throw UnexpectedMessage("no answer to list_rooms");
        auto decoded = protocol::decode_server_message(*frame);
        auto* message = std::get_if<protocol::ServerMessage>(&decoded);
        if (message == nullptr)
            throw UnexpectedMessage("an undecodable frame: " + *frame);
        if (std::holds_alternative<RoomList>(*message) ||
            std::holds_alternative<protocol::Error>(*message))
            return {std::move(*message), std::move(*frame)};
    }
}

// Asks until the list satisfies `wanted`; the answer that did.
Answer ask_until(TestClient& watcher, const protocol::ListRooms& request,
                 const std::function<bool(const RoomList&)>& wanted) {
    const auto deadline = Clock::now() + list_patience;
    for (;;) {
        auto answer = ask(watcher, request);
        const auto* list = std::get_if<RoomList>(&answer.message);
        if (list == nullptr)
            throw UnexpectedMessage("list_rooms refused: " + describe(answer.message));
        if (wanted(*list))
            return answer;
        if (Clock::now() > deadline)
            throw UnexpectedMessage("the list never showed what was awaited: " + answer.frame);
        std::this_thread::sleep_for(poll_interval);
    }
}

const OpenRoom* find_room(const RoomList& list, const std::string& code) {
    const auto it = std::find_if(list.rooms.begin(), list.rooms.end(),
                                 [&](const OpenRoom& room) { return room.code == code; });
    return it == list.rooms.end() ? nullptr : &*it;
}

std::function<bool(const RoomList&)> lists(std::vector<std::string> codes) {
    return [codes = std::move(codes)](const RoomList& list) {
        return std::all_of(codes.begin(), codes.end(),
                           [&](const auto& code) { return find_room(list, code) != nullptr; });
    };
}

std::vector<std::string> codes_of(const RoomList& list) {
    std::vector<std::string> codes;
    for (const auto& room : list.rooms)
        codes.push_back(room.code);
    std::sort(codes.begin(), codes.end());
    return codes;
}

protocol::RoundSettings public_room(std::string label = {}) {
    protocol::RoundSettings settings;
    settings.public_ = true;
    if (!label.empty())
        settings.label = std::move(label);
    return settings;
}

class OpenRoomsTest : public ::testing::Test {
  protected:
    TestServer server;
    std::unique_ptr<TestClient> watcher = server.client();  // holds no seat
};

TEST_F(OpenRoomsTest, APublicQuizIsListedWithItsLabelAndCounts) {
    auto host = server.client();
    auto settings = public_room("Friday ML night");
    settings.capacity = 20;
    settings.topics = {"evaluation"};
    const auto created = create_room(*host, RoomKind::quiz, "Iris", settings);
    auto player = server.client();
    join_room(*player, created.code, "Ada");

    const auto answer = ask_until(*watcher, {}, [&](const RoomList& list) {
        const auto* room = find_room(list, created.code);
        return room != nullptr && room->players == 1;
    });
    const auto& list = std::get<RoomList>(answer.message);
    const auto* room = find_room(list, created.code);
    EXPECT_EQ(room->kind, RoomKind::quiz);
    EXPECT_EQ(room->label, "Friday ML night");
    EXPECT_EQ(room->topics, (std::vector<std::string>{"evaluation"}));
    EXPECT_EQ(room->capacity, 20);
    EXPECT_EQ(room->host, "Iris");
    EXPECT_FALSE(room->password);
    EXPECT_EQ(list.total, 1);
    EXPECT_GT(list.as_of, 0);

    // A seated player may ask too.
    const auto seated = ask(*player, {});
    EXPECT_TRUE(std::holds_alternative<RoomList>(seated.message)) << seated.frame;
}

TEST_F(OpenRoomsTest, APrivateRoomIsNotListed) {
    auto private_host = server.client();
    const auto hidden = create_room(*private_host, RoomKind::quiz, "Quiet", {});
    auto public_host = server.client();
    const auto shown = create_room(*public_host, RoomKind::quiz, "Loud", public_room());
    // Both rooms were made before the list that shows the public one was taken.
    const auto answer = ask_until(*watcher, {}, lists({shown.code}));
    const auto& list = std::get<RoomList>(answer.message);
    EXPECT_EQ(find_room(list, hidden.code), nullptr);
    EXPECT_EQ(list.total, 1);
}

TEST_F(OpenRoomsTest, APasswordIsFlaggedAndNeverSent) {
    auto host = server.client();
    auto settings = public_room();
    settings.password = "hunter2-secret";
    const auto created = create_room(*host, RoomKind::quiz, "Iris", settings);
    const auto answer = ask_until(*watcher, {}, lists({created.code}));
    EXPECT_TRUE(find_room(std::get<RoomList>(answer.message), created.code)->password);
    EXPECT_EQ(answer.frame.find("hunter2-secret"), std::string::npos) << answer.frame;
}

TEST_F(OpenRoomsTest, ARoomLeavesTheListWhenItsGameStarts) {
    auto host = server.client();
    const auto created = create_room(*host, RoomKind::quiz, "Iris", public_room());
    auto player = server.client();
    join_room(*player, created.code, "Ada");
    ask_until(*watcher, {}, lists({created.code}));
    host->send(protocol::Start{created.host_token});
    player->wait_for<protocol::Question>();
    ask_until(*watcher, {},
              [&](const RoomList& list) { return find_room(list, created.code) == nullptr; });
}

TEST_F(OpenRoomsTest, FiltersByKindAndTopic) {
    auto quiz_host = server.client();
    auto evaluation = public_room();
    evaluation.topics = {"evaluation"};
    const auto on_evaluation = create_room(*quiz_host, RoomKind::quiz, "Eve", evaluation);
    auto other_host = server.client();
    auto optimization = public_room();
    optimization.topics = {"optimization"};
    const auto on_optimization = create_room(*other_host, RoomKind::quiz, "Otto", optimization);
    auto interviewer = server.client();
    const auto any_topic = create_room(*interviewer, RoomKind::interview, "Ivy", public_room());
    ask_until(*watcher, {}, lists({on_evaluation.code, on_optimization.code, any_topic.code}));

    // The rooms no longer change: every later list holds all three.
    const auto interviews = std::get<RoomList>(ask(*watcher, {RoomKind::interview, {}}).message);
    EXPECT_EQ(codes_of(interviews), std::vector<std::string>{any_topic.code});
    EXPECT_EQ(interviews.total, 1);

    // A room without a topic filter plays every topic.
    const auto on_topic = std::get<RoomList>(ask(*watcher, {std::nullopt, "Evaluation"}).message);
    auto expected = std::vector<std::string>{on_evaluation.code, any_topic.code};
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(codes_of(on_topic), expected);
    EXPECT_EQ(on_topic.total, 2);

    const auto both = std::get<RoomList>(ask(*watcher, {RoomKind::quiz, "evaluation"}).message);
    EXPECT_EQ(codes_of(both), std::vector<std::string>{on_evaluation.code});
}

TEST_F(OpenRoomsTest, AnUnknownTopicIsRefused) {
    const auto answer = ask(*watcher, {std::nullopt, "astrology"});
    const auto* error = std::get_if<protocol::Error>(&answer.message);
    ASSERT_NE(error, nullptr) << answer.frame;
    EXPECT_EQ(error->code, protocol::ErrorCode::unknown_topic);
    EXPECT_EQ(error->field, "topic");
    EXPECT_EQ(error->request, "list_rooms");
}

// GET /api/rooms until the answer satisfies `wanted`; the answer that did.
json::object get_until(std::uint16_t port, const std::string& target,
                       const std::function<bool(const json::object&)>& wanted) {
    const auto deadline = Clock::now() + list_patience;
    for (;;) {
        const auto reply = http_get(port, target);
        if (reply.status != 200)
            throw UnexpectedMessage(target + ": " + std::to_string(reply.status) + " " +
                                    reply.body);
        auto body = json::parse(reply.body).as_object();
        if (wanted(body))
            return body;
        if (Clock::now() > deadline)
            throw UnexpectedMessage(target + " never showed what was awaited: " + reply.body);
        std::this_thread::sleep_for(poll_interval);
    }
}

bool lists_code(const json::object& body, const std::string& code) {
    const auto& rooms = body.at("rooms").as_array();
    return std::any_of(rooms.begin(), rooms.end(), [&](const json::value& room) {
        return room.at("code").as_string() == code;
    });
}

TEST_F(OpenRoomsTest, HttpListsTheSameRoomsWithoutARecord) {
    auto host = server.client();
    auto settings = public_room("Open to all");
    settings.topics = {"evaluation"};
    settings.password = "hunter2-secret";
    const auto created = create_room(*host, RoomKind::quiz, "Iris", settings);
    auto interviewer = server.client();
    const auto interview = create_room(*interviewer, RoomKind::interview, "Ivy", public_room());

    const auto body = get_until(server.port(), "/api/rooms", [&](const json::object& body) {
        return lists_code(body, created.code) && lists_code(body, interview.code);
    });
    EXPECT_EQ(body.at("total").as_int64(), 2);
    EXPECT_GT(body.at("as_of").as_int64(), 0);
    EXPECT_FALSE(body.contains("type"));
    const auto& rooms = body.at("rooms").as_array();
    const auto quiz = std::find_if(rooms.begin(), rooms.end(), [&](const json::value& room) {
        return room.at("code").as_string() == created.code;
    });
    ASSERT_NE(quiz, rooms.end());
    EXPECT_EQ(quiz->at("kind").as_string(), "quiz");
    EXPECT_EQ(quiz->at("label").as_string(), "Open to all");
    EXPECT_EQ(quiz->at("host").as_string(), "Iris");
    EXPECT_EQ(quiz->at("players").as_int64(), 0);
    EXPECT_EQ(quiz->at("password").as_bool(), true);
    EXPECT_EQ(json::serialize(body).find("hunter2-secret"), std::string::npos);

    const auto interviews = http_get(server.port(), "/api/rooms?kind=interview");
    ASSERT_EQ(interviews.status, 200) << interviews.body;
    const auto only = json::parse(interviews.body).as_object();
    EXPECT_EQ(only.at("total").as_int64(), 1);
    EXPECT_TRUE(lists_code(only, interview.code));

    const auto on_topic = http_get(server.port(), "/api/rooms?kind=quiz&topic=evaluation");
    ASSERT_EQ(on_topic.status, 200) << on_topic.body;
    EXPECT_TRUE(lists_code(json::parse(on_topic.body).as_object(), created.code));

    const auto bad_kind = http_get(server.port(), "/api/rooms?kind=party");
    EXPECT_EQ(bad_kind.status, 400);
    EXPECT_NE(bad_kind.body.find("kind must be"), std::string::npos) << bad_kind.body;
    const auto bad_topic = http_get(server.port(), "/api/rooms?topic=astrology");
    EXPECT_EQ(bad_topic.status, 400);
    EXPECT_NE(bad_topic.body.find("astrology"), std::string::npos) << bad_topic.body;
}

// The forms that ask for topics (finding a partner, a room's settings) read them here.
TEST_F(OpenRoomsTest, HttpListsTheBanksTopicsWithoutARecord) {
    const auto reply = http_get(server.port(), "/api/topics");
    ASSERT_EQ(reply.status, 200) << reply.body;
    const auto body = json::parse(reply.body).as_object();
    const auto bank = bundled_bank();
    EXPECT_EQ(body.at("bank").as_string(), bank->title);
    EXPECT_EQ(body.at("questions").as_int64(), static_cast<std::int64_t>(bank->questions.size()));
    std::map<std::string, std::int64_t> expected;
    for (const auto& question : bank->questions) {
        for (const auto& topic : question.topics)
            ++expected[topic];
    }
    std::map<std::string, std::int64_t> listed;
    std::string previous;
    for (const auto& entry : body.at("topics").as_array()) {
        const std::string topic(entry.at("topic").as_string());
        EXPECT_LT(previous, topic) << "topics come in order, each once";
        previous = topic;
        listed[topic] = entry.at("questions").as_int64();
    }
    EXPECT_EQ(listed, expected);
    EXPECT_EQ(http_get(server.port(), "/api/topics/x").status, 404);
}

TEST(OpenRoomsRecord, HttpListsRoomsOnAServerThatKeepsARecord) {
    ScratchDir dir("open-rooms");
    auto options = test_options();
    options.data_dir = dir.path();
    TestServer server(options);
    auto host = server.client();
    const auto created = create_room(*host, RoomKind::quiz, "Iris", public_room());
    get_until(server.port(), "/api/rooms",
              [&](const json::object& body) { return lists_code(body, created.code); });
    // The record's own routes are still the record's.
    EXPECT_EQ(http_get(server.port(), "/api/games").status, 200);
}

}  // namespace
}  // namespace rapidfire::test
