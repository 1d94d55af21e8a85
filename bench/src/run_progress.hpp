#pragma once
// Milestones every worker reports and the main thread waits on. Each counter moves a few
// times per connection, so sharing them across threads costs nothing measurable.

#include <atomic>

namespace rapidfire::bench {

struct RunProgress {
    std::atomic<int> rooms_created{0};  // hosts holding a room code (release: the code is set)
    std::atomic<int> hosts_failed{0};   // hosts that could not create their room
    std::atomic<int> rooms_full{0};     // hosts whose roster counted every player
    std::atomic<int> rooms_over{0};     // hosts that saw game_over, or lost their connection
    std::atomic<int> players_open{0};   // players that got welcome
    std::atomic<int> players_joined{0};
    std::atomic<int> players_done{0};        // players that got final_result
    std::atomic<int> players_failed{0};      // players that gave up: refused, disconnected
    std::atomic<int> connections_closed{0};  // connections whose socket is gone, any reason
};

}  // namespace rapidfire::bench
