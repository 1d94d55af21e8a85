#pragma once
// What a bank or guide may hold. Generous for people writing banks; small enough that a bad
// file cannot make the server hold or send huge strings. README.md lists the same numbers.

#include <cstddef>

namespace rapidfire::content::detail {

inline constexpr std::size_t max_file_bytes = 8 * 1024 * 1024;
inline constexpr std::size_t max_questions = 10'000;

// Lengths are in Unicode code points.
inline constexpr std::size_t max_id_chars = 64;
inline constexpr std::size_t max_title_chars = 200;  // titles, sources, names of sections
inline constexpr std::size_t max_description_chars = 2000;
inline constexpr std::size_t max_question_chars = 1000;
inline constexpr std::size_t max_answer_chars = 4000;  // also a guide's paragraphs

inline constexpr std::size_t max_topics = 8;
inline constexpr std::size_t max_topic_chars = 40;
inline constexpr std::size_t max_key_terms = 16;
inline constexpr std::size_t max_key_term_chars = 60;
// A question shows 4 choices in choice mode: its answer and up to 3 of its own wrong ones.
inline constexpr std::size_t max_wrong_choices = 3;
inline constexpr std::size_t max_choice_chars = max_answer_chars;

// An imported quiz's own choices: Kahoot has 2 to 4, Moodle's multiple choice often 5 or 6.
inline constexpr std::size_t min_choices = 2;
inline constexpr std::size_t max_choices = 6;
// Other answers that count as right, each as long as an answer may be.
inline constexpr std::size_t max_accepted = 16;
inline constexpr std::size_t max_feedback_chars = max_answer_chars;
// A question's own time limit, in seconds: Kahoot's shortest and longest.
inline constexpr int min_seconds = 5;
inline constexpr int max_seconds = 240;

}  // namespace rapidfire::content::detail
