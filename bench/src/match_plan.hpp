#pragma once
// Who the peers of `rapidfire-bench --match` say they are: nickname, topics and role. The mix
// is built so that every peer is paired whatever order the joins reach the server in.
//
// The matcher pairs greedily, each newcomer with the oldest waiting peer who fits. With
// interviewers, candidates and `either` in one pool that can strand peers: two `either` paired
// together, then two interviewers are left with nobody who fits. So the peers form two pools
// whose topics never overlap (the matcher never pairs across them):
// - sided: as many interviewers as candidates, all with "fundamentals" (and perhaps a second
//   topic). Whoever waits is of one side only, and the other side's next join takes them.
// - open: an even number of `either`, all with "deep-learning" (and perhaps "optimization").
//   At most one waits at a time.
// No peer gives a level, so nobody waits for the 30 s level widening.

#include <cstdint>
#include <string>
#include <vector>

#include "rapidfire/protocol/enums.hpp"

namespace rapidfire::bench {

struct PeerPlan {
    std::string nickname;             // "peer-i"
    std::vector<std::string> topics;  // the pool's common topic first
    protocol::MatchRole role = protocol::MatchRole::either;
};

// `peers` plans (an even number, at least 2), about a third of them in the open pool, in an
// order shuffled by `seed`: peer i is plans[i].
std::vector<PeerPlan> plan_peers(int peers, std::uint64_t seed);

}  // namespace rapidfire::bench
