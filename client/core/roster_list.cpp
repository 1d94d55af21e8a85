#include "rapidfire/client/roster_list.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace rapidfire::client {

void apply_roster(std::vector<protocol::PlayerInfo>& list, const protocol::Roster& roster) {
    if (roster.full)
        list.clear();
    if (!roster.removed.empty()) {
        const std::unordered_set<protocol::PlayerId> gone(roster.removed.begin(),
                                                          roster.removed.end());
        std::erase_if(list, [&](const protocol::PlayerInfo& p) { return gone.contains(p.id); });
    }
    if (roster.players.empty())
        return;
    std::unordered_map<protocol::PlayerId, std::size_t> at;
    at.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i)
        at.emplace(list[i].id, i);
    for (const auto& p : roster.players) {
        if (const auto it = at.find(p.id); it != at.end()) {
            list[it->second] = p;
        } else {
            at.emplace(p.id, list.size());
            list.push_back(p);
        }
    }
}

}  // namespace rapidfire::client
