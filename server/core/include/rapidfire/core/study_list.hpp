#pragma once
// What one player missed in a game, by topic, each topic pointed to the study guide's checklist
// area that covers it: final_result's `study` and the interview summary's misses_by_topic.
// Pure: the questions played, the player's marks and the checklist in; the list out.

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "rapidfire/content/bank.hpp"
#include "rapidfire/core/round_plan.hpp"
#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::core {

// The question texts a study list carries at most, in bytes, in all: from the first topic whose
// texts would pass it, topics are sent with their question numbers only (clients then show
// "question 12"), so that a huge round cannot make a final_result too big to send.
inline constexpr std::size_t max_study_text_bytes = 32 * 1024;

// The study list of one player. `played` are the questions played, in order (index i is
// question i); marks[i] is the player's mark on question i, absent when they did not answer it
// or it was never marked (a missing entry counts as absent too).
//
// A question is missed when its mark is partial, wrong or absent. Each missed question is
// listed under every one of its topics; a question without topics is listed under the topic
// "" (no topic), which comes last. Topics come most missed first, then by name; the questions
// of a topic in the order played, with their texts as max_study_text_bytes allows. Each
// topic has the area and text of the first checklist item whose topics include it; a topic no
// item covers has neither. Empty when nothing was missed.
std::vector<protocol::StudyTopic> study_list(
    std::span<const PlannedQuestion> played,
    const std::vector<std::optional<protocol::Verdict>>& marks,
    const std::vector<content::ChecklistItem>& checklist);

// The same list as the interview summary's misses_by_topic (without the texts, which the
// summary's items carry).
std::vector<protocol::TopicMisses> topic_misses(const std::vector<protocol::StudyTopic>& study);

}  // namespace rapidfire::core
