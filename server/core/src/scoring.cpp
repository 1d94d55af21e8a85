#include "rapidfire/core/scoring.hpp"

#include <algorithm>
#include <cmath>

namespace rapidfire::core {

int speed_points(Millis elapsed, Millis limit) {
    if (limit <= 0)
        return max_points;
    const Millis t = std::clamp<Millis>(elapsed, 0, limit);
    if (t <= full_points_window_ms)
        return max_points;
    const double share = static_cast<double>(t) / static_cast<double>(limit);
    return static_cast<int>(std::lround(max_points * (1.0 - share / 2.0)));
}

int base_points(protocol::Verdict verdict, Millis elapsed, Millis limit) {
    switch (verdict) {
        case protocol::Verdict::correct:
            return speed_points(elapsed, limit);
        case protocol::Verdict::partial:
            return static_cast<int>(std::lround(speed_points(elapsed, limit) / 2.0));
        case protocol::Verdict::wrong:
            return 0;
    }
    return 0;
}

int streak_bonus(int streak) {
    if (streak <= 1)
        return 0;
    return std::min(streak_step * (streak - 1), streak_cap);
}

protocol::Verdict verdict_for_grade(protocol::SelfGrade grade) {
    switch (grade) {
        case protocol::SelfGrade::good:
        case protocol::SelfGrade::easy:
            return protocol::Verdict::correct;
        case protocol::SelfGrade::hard:
            return protocol::Verdict::partial;
        case protocol::SelfGrade::again:
            return protocol::Verdict::wrong;
    }
    return protocol::Verdict::wrong;
}

}  // namespace rapidfire::core
