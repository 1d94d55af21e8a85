#pragma once
// What the console says while it looks for an interview partner and exchanges feedback, and
// how it reads a line of ratings. Pure functions: tested without a server.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::client {

// "looking for a partner on evaluation, regularization (level intermediate), interviewing
// first"
std::string match_request_line(const protocol::MatchJoin& request);
// "waiting for a partner: 2nd in line, 5 waiting; evaluation 3, regularization 1"
std::string match_status_line(const protocol::MatchStatus& status);
// Why the player is back in the queue, when the status says so.
std::optional<std::string> requeued_line(const protocol::MatchStatus& status);
// "partner found: Bo (beginner) on evaluation; you interview first"
std::string match_proposed_line(const protocol::MatchProposed& proposed);
// "matched with Bo in room ABC123: you interview first, then the roles swap"
std::string match_found_line(const protocol::MatchFound& found);
std::string match_left_line(const protocol::MatchLeft& left);

// The feedback form's instructions: the areas and how to type the three lines.
std::vector<std::string> feedback_prompt(const protocol::FeedbackRequest& request);
// Reads "structure=4 clarify=5" (spaces or commas between; an area by its id or its number in
// the request's list). Empty: no ratings. nullopt with `error` set when a rating is malformed.
std::optional<std::vector<protocol::Rating>> parse_ratings(
    std::string_view line, const std::vector<protocol::FeedbackArea>& areas, std::string& error);
// The partner's feedback as lines for the terminal.
std::vector<std::string> partner_feedback_lines(const protocol::PartnerFeedback& feedback,
                                                const std::vector<protocol::FeedbackArea>& areas);
// One side's feedback as a Markdown section for the interview summary: "## Feedback from
// FROM to TO"; `sent` false says nothing was sent in time.
std::string feedback_markdown(const std::string& from, const std::string& to, bool sent,
                              const std::vector<protocol::Rating>& ratings,
                              const std::string& went_well, const std::string& work_on,
                              const std::vector<protocol::FeedbackArea>& areas);

}  // namespace rapidfire::client
