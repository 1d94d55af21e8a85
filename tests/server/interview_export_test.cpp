// The interview export (GET /api/games/ID/results.json) of a matched pair: the feedback both
// sides gave each other, with the game it was given after.

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api_routes.hpp"
#include "rapidfire/store/store.hpp"
#include "scratch_dir.hpp"

namespace rapidfire::test {
namespace {

namespace json = boost::json;

core::GameStarted started(int round, protocol::Millis at) {
    core::GameStarted g;
    g.code = "PAIR01";
    g.round = round;
    g.kind = protocol::RoomKind::interview;
    g.host = round == 1 ? "Iris" : "Cand";
    g.bank = "Bank";
    g.host_token = "token-" + std::to_string(round);
    g.questions = {{0, "q1", "What?", "That.", {"evaluation"}}};
    g.at = at;
    return g;
}

core::GameFinished finished(int round, protocol::Millis at) {
    core::GameFinished f;
    f.code = "PAIR01";
    f.round = round;
    f.questions_played = 1;
    f.at = at;
    return f;
}

// The export of the game `round` as its host reads it.
json::object exported(store::Store& store, int round) {
    std::int64_t id = 0;
    for (const auto& game : store.recent_games(10)) {
        if (game.round == round)
            id = game.id;
    }
    net::ApiContext context;
    context.store = &store;
    const std::string target = "/api/games/" + std::to_string(id) + "/results.json";
    const std::string authorization = "Bearer token-" + std::to_string(round);
    const auto reply = net::answer_api({"GET", target, authorization}, context);
    EXPECT_TRUE(reply.has_value());
    if (!reply)
        return {};
    EXPECT_EQ(reply->status, 200) << reply->body;
    return json::parse(reply->body).as_object();
}

TEST(InterviewExport, CarriesTheFeedbackGivenAfterTheGameBothWays) {
    ScratchDir dir;
    store::Store store(dir.path());
    store.record({started(1, 1), finished(1, 2), started(2, 3), finished(2, 4),
                  core::FeedbackGiven{"PAIR01",
                                      2,
                                      "Iris",
                                      "Cand",
                                      {{"structure", 4}, {"honesty", 3}},
                                      "Clear.",
                                      "Tradeoffs.",
                                      5},
                  core::FeedbackGiven{"PAIR01", 2, "Cand", "Iris", {}, "Kind.", "", 6}});

    const auto second = exported(store, 2);
    ASSERT_TRUE(second.contains("feedback"));
    const auto& feedback = second.at("feedback").as_array();
    ASSERT_EQ(feedback.size(), 2u);
    const auto& from_iris = feedback[0].as_object();
    EXPECT_EQ(from_iris.at("from").as_string(), "Iris");
    EXPECT_EQ(from_iris.at("to").as_string(), "Cand");
    EXPECT_EQ(from_iris.at("at").as_int64(), 5);
    EXPECT_EQ(from_iris.at("went_well").as_string(), "Clear.");
    EXPECT_EQ(from_iris.at("work_on").as_string(), "Tradeoffs.");
    const auto& ratings = from_iris.at("ratings").as_array();
    ASSERT_EQ(ratings.size(), 2u);
    EXPECT_EQ(ratings[0].at("area").as_string(), "structure");
    EXPECT_EQ(ratings[0].at("score").as_int64(), 4);
    EXPECT_EQ(ratings[1].at("area").as_string(), "honesty");
    const auto& from_cand = feedback[1].as_object();
    EXPECT_EQ(from_cand.at("from").as_string(), "Cand");
    EXPECT_EQ(from_cand.at("to").as_string(), "Iris");
    EXPECT_TRUE(from_cand.at("ratings").as_array().empty());
    EXPECT_EQ(from_cand.at("went_well").as_string(), "Kind.");

    // The first turn's game had none given after it.
    EXPECT_TRUE(exported(store, 1).at("feedback").as_array().empty());
}

}  // namespace
}  // namespace rapidfire::test
