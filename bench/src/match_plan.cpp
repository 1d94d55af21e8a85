#include "match_plan.hpp"

#include <algorithm>
#include <random>

namespace rapidfire::bench {

namespace {

// Topics of the bundled bank. Each pool's common topic holds at least two questions on its
// own, which the matcher asks of the topics a pair shares.
constexpr const char* sided_topic = "fundamentals";
constexpr const char* sided_extras[] = {"evaluation", "regularization"};
constexpr const char* open_topic = "deep-learning";
constexpr const char* open_extras[] = {"optimization"};

// A pool's topics: its common one, and one of its extras half of the time.
template <std::size_t Extras>
std::vector<std::string> topics_for(const char* common, const char* const (&extras)[Extras],
                                    std::mt19937_64& random) {
    std::vector<std::string> topics{common};
    std::uniform_int_distribution<std::size_t> pick(0, 2 * Extras - 1);
    if (const auto n = pick(random); n < Extras)
        topics.emplace_back(extras[n]);
    return topics;
}

}  // namespace

std::vector<PeerPlan> plan_peers(int peers, std::uint64_t seed) {
    using protocol::MatchRole;
    std::mt19937_64 random(seed);
    // Even sizes: the open pool pairs among itself, the sided pool splits into equal halves.
    const int open = 2 * (peers / 6);
    const int sided = peers - open;
    std::vector<PeerPlan> plans;
    plans.reserve(static_cast<std::size_t>(peers));
    for (int i = 0; i < sided; ++i) {
        plans.push_back({{},
                         topics_for(sided_topic, sided_extras, random),
                         i < sided / 2 ? MatchRole::interviewer : MatchRole::candidate});
    }
    for (int i = 0; i < open; ++i)
        plans.push_back({{}, topics_for(open_topic, open_extras, random), MatchRole::either});
    std::shuffle(plans.begin(), plans.end(), random);
    for (std::size_t i = 0; i < plans.size(); ++i)
        plans[i].nickname = "peer-" + std::to_string(i);
    return plans;
}

}  // namespace rapidfire::bench
