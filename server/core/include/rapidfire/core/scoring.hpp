#pragma once
// The scoring formula (GAME.md). Pure functions, shared by every answer mode.

#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::core {

using protocol::Millis;

// Answers this quick earn the full 1000 points.
inline constexpr Millis full_points_window_ms = 500;
inline constexpr int max_points = 1000;
inline constexpr int streak_step = 100;
inline constexpr int streak_cap = 500;

// Points for a correct answer that took `elapsed` of a question's `limit`:
// round(1000 * (1 - (t / T) / 2)), t clamped to [0, T]; 1000 within the first 0.5 s.
int speed_points(Millis elapsed, Millis limit);

// Points for a marked answer before any streak bonus: correct earns speed_points, partial half
// of that (rounded), wrong nothing.
int base_points(protocol::Verdict verdict, Millis elapsed, Millis limit);

// The streak bonus for a correct answer that makes `streak` consecutive correct answers
// (1 for the first): +100 for each after the first, capped at +500.
int streak_bonus(int streak);

// How a self grade counts: good and easy are correct, hard partial, again wrong.
protocol::Verdict verdict_for_grade(protocol::SelfGrade grade);

}  // namespace rapidfire::core
