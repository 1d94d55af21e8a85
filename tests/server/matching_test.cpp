// Finding a partner over real sockets: a dozen peers join the queue at once and are paired into
// private interview rooms; the queue's errors leave everyone else alone.

#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "game_steps.hpp"
#include "test_server.hpp"

namespace rapidfire::test {
namespace {

using protocol::ErrorCode;
using protocol::MatchRole;

protocol::MatchJoin match_join(std::string nickname, std::vector<std::string> topics,
                               MatchRole role = MatchRole::either) {
    protocol::MatchJoin join;
    join.nickname = std::move(nickname);
    join.topics = std::move(topics);
    join.role = role;
    return join;
}

protocol::Error expect_error(TestClient& client, ErrorCode code) {
    const auto error = client.expect<protocol::Error>();
    EXPECT_EQ(error.code, code) << error.message;
    return error;
}

TEST(Matching, ADozenPeersArePairedIntoPrivateInterviewRooms) {
    TestServer server;
    constexpr int peers = 12;
    const std::vector<std::vector<std::string>> topics = {
        {"evaluation"}, {"evaluation", "regularization"}, {}, {"regularization"}};
    const std::vector<MatchRole> roles = {MatchRole::either, MatchRole::interviewer,
                                          MatchRole::candidate};
    std::vector<std::unique_ptr<TestClient>> clients;
    for (int i = 0; i < peers; ++i)
        clients.push_back(server.client());
    // All at once, then read.
    for (int i = 0; i < peers; ++i) {
        clients[i]->send(match_join("Peer " + std::to_string(i), topics[i % topics.size()],
                                    roles[i % roles.size()]));
    }
    std::map<std::string, int> by_name;
    for (int i = 0; i < peers; ++i)
        by_name["Peer " + std::to_string(i)] = i;

    // Everyone is proposed a partner sooner or later (statuses come first for some).
    std::vector<protocol::MatchProposed> proposed(peers);
    for (int i = 0; i < peers; ++i)
        proposed[i] = clients[i]->wait_for<protocol::MatchProposed>();
    for (int i = 0; i < peers; ++i) {
        const int partner = by_name.at(proposed[i].partner);
        SCOPED_TRACE("peer " + std::to_string(i) + " with " + std::to_string(partner));
        EXPECT_NE(partner, i);
        EXPECT_EQ(proposed[partner].partner, "Peer " + std::to_string(i));
        EXPECT_NE(proposed[i].role, proposed[partner].role);
        EXPECT_NE(proposed[i].role, MatchRole::either);
        if (roles[i % roles.size()] != MatchRole::either) {
            EXPECT_EQ(proposed[i].role, roles[i % roles.size()]);
        }
        EXPECT_EQ(proposed[i].confirm_by, proposed[partner].confirm_by);
    }
    for (auto& client : clients)
        client->send(protocol::MatchConfirm{});

    std::set<std::string> codes;
    for (int i = 0; i < peers; ++i) {
        SCOPED_TRACE("peer " + std::to_string(i));
        const auto found = clients[i]->expect<protocol::MatchFound>();
        EXPECT_EQ(found.partner, proposed[i].partner);
        EXPECT_EQ(found.role, proposed[i].role);
        EXPECT_EQ(found.topics, proposed[i].topics);
        codes.insert(found.code);
        const auto joined = clients[i]->expect<protocol::Joined>();
        EXPECT_EQ(joined.code, found.code);
        EXPECT_EQ(joined.kind, protocol::RoomKind::interview);
        EXPECT_EQ(joined.nickname, "Peer " + std::to_string(i));
        EXPECT_FALSE(joined.resume_token.empty());
        if (found.role == MatchRole::interviewer) {
            EXPECT_EQ(joined.role, protocol::Role::host);
            EXPECT_TRUE(joined.host_token.has_value());
            EXPECT_EQ(joined.host, joined.nickname);
        } else {
            EXPECT_EQ(joined.role, protocol::Role::player);
            EXPECT_FALSE(joined.host_token.has_value());
            EXPECT_EQ(joined.host, found.partner);
        }
        // The first turn starts at once; only the interviewer sees the reference answer.
        const auto question = clients[i]->wait_for<protocol::Question>();
        EXPECT_EQ(question.question, 0);
        EXPECT_EQ(question.reference.has_value(), found.role == MatchRole::interviewer);
        if (!found.topics.empty()) {
            EXPECT_TRUE(std::find(found.topics.begin(), found.topics.end(),
                                  question.topics.front()) != found.topics.end());
        }
    }
    EXPECT_EQ(codes.size(), static_cast<std::size_t>(peers / 2));

    // A pair's room is private: nobody else gets in.
    auto stranger = server.client();
    stranger->send(protocol::Join{*codes.begin(), "Stranger", std::nullopt});
    const auto refused = stranger->expect<protocol::Error>();
    EXPECT_TRUE(refused.code == ErrorCode::room_locked || refused.code == ErrorCode::room_full)
        << refused.message;
}

TEST(Matching, TheQueuesErrorsLeaveTheConnectionUsable) {
    TestServer server;
    auto ada = server.client();
    ada->send(protocol::MatchLeave{});
    expect_error(*ada, ErrorCode::not_queued);
    ada->send(protocol::MatchConfirm{});
    expect_error(*ada, ErrorCode::not_queued);
    ada->send(match_join("Ada", {"astrology"}));
    EXPECT_EQ(expect_error(*ada, ErrorCode::unknown_topic).field, "topics[0]");

    ada->send(match_join("Ada", {"evaluation"}, MatchRole::interviewer));
    EXPECT_EQ(ada->expect<protocol::MatchStatus>().position, 1);
    ada->send(match_join("Ada", {"evaluation"}));
    expect_error(*ada, ErrorCode::already_queued);
    ada->send(protocol::CreateRoom{protocol::RoomKind::quiz, "Ada", {}});
    expect_error(*ada, ErrorCode::already_queued);
    ada->send(protocol::MatchConfirm{});
    expect_error(*ada, ErrorCode::wrong_state);

    // A seated player cannot queue.
    auto host = server.client();
    const auto created = create_room(*host, protocol::RoomKind::quiz, "Host", {});
    host->send(match_join("Host", {}));
    expect_error(*host, ErrorCode::already_in_room);

    // Ada is still waiting, and is paired when a partner comes.
    auto bo = server.client();
    bo->send(match_join("Bo", {"evaluation"}, MatchRole::candidate));
    EXPECT_EQ(bo->wait_for<protocol::MatchProposed>().partner, "Ada");
    EXPECT_EQ(ada->wait_for<protocol::MatchProposed>().partner, "Bo");
    // Bo declines; Ada is back at the front; Bo may join again.
    bo->send(protocol::MatchLeave{});
    EXPECT_EQ(bo->expect<protocol::MatchLeft>().reason, protocol::MatchLeftReason::declined);
    const auto status = ada->wait_for<protocol::MatchStatus>();
    EXPECT_EQ(status.requeued, protocol::Requeued::partner_declined);
    EXPECT_EQ(status.position, 1);
    bo->send(protocol::CreateRoom{protocol::RoomKind::quiz, "Bo", {}});
    bo->expect<protocol::RoomCreated>();
}

TEST(Matching, AFloodOfJoinsAndLeavesIsRefusedAfterTen) {
    TestServer server;
    auto ada = server.client();
    auto other = server.client();
    other->send(match_join("Other", {"evaluation"}, MatchRole::interviewer));
    other->expect<protocol::MatchStatus>();
    int refused = 0;
    for (int i = 0; i < 12; ++i) {
        ada->send(match_join("Ada", {"optimization"}));
        auto reply = ada->next();
        if (const auto* error = std::get_if<protocol::Error>(&reply)) {
            EXPECT_EQ(error->code, ErrorCode::rate_limited);
            EXPECT_EQ(error->request, "match_join");
            ++refused;
            continue;
        }
        ASSERT_TRUE(std::holds_alternative<protocol::MatchStatus>(reply)) << describe(reply);
        ada->send(protocol::MatchLeave{});
        EXPECT_EQ(ada->expect<protocol::MatchLeft>().reason, protocol::MatchLeftReason::left);
    }
    EXPECT_GE(refused, 1);
    EXPECT_LE(refused, 2);
    // Nobody else noticed: the other player is still first in the queue and usable.
    other->send(protocol::Ping{7});
    EXPECT_EQ(other->wait_for<protocol::Pong>().nonce, 7);
}

TEST(Matching, AFullQueueRefusesWithQueueFull) {
    auto options = test_options();
    options.max_match_queue = 1;
    TestServer server(options);
    auto ada = server.client();
    ada->send(match_join("Ada", {"evaluation"}, MatchRole::interviewer));
    ada->expect<protocol::MatchStatus>();
    auto bo = server.client();
    bo->send(match_join("Bo", {"evaluation"}, MatchRole::interviewer));
    expect_error(*bo, ErrorCode::queue_full);
    // Bo is out of the queue and free to do something else.
    bo->send(protocol::CreateRoom{protocol::RoomKind::quiz, "Bo", {}});
    bo->expect<protocol::RoomCreated>();
}

TEST(Matching, ADroppedConnectionLeavesTheQueue) {
    TestServer server;
    {
        auto gone = server.client();
        gone->send(match_join("Gone", {"evaluation"}, MatchRole::interviewer));
        gone->expect<protocol::MatchStatus>();
        gone->drop();
    }
    auto bo = server.client();
    bo->send(match_join("Bo", {"evaluation"}, MatchRole::candidate));
    // Once the server has seen the drop, Bo waits alone (a bounded poll: the drop may be read
    // after Bo's join, in which case Bo is proposed to Gone and requeued when it goes).
    auto reply = bo->next();
    if (std::holds_alternative<protocol::MatchProposed>(reply)) {
        const auto status = bo->wait_for<protocol::MatchStatus>();
        EXPECT_EQ(status.requeued, protocol::Requeued::partner_gone);
        EXPECT_EQ(status.waiting, 1);
    } else {
        ASSERT_TRUE(std::holds_alternative<protocol::MatchStatus>(reply)) << describe(reply);
        EXPECT_EQ(std::get<protocol::MatchStatus>(reply).waiting, 1);
    }
}

}  // namespace
}  // namespace rapidfire::test
