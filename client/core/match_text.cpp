#include "rapidfire/client/match_text.hpp"

#include "rapidfire/common/text.hpp"

#include <algorithm>
#include <cctype>

namespace rapidfire::client {

using protocol::MatchRole;

namespace {

std::string ordinal(int n) {
    const int tens = n % 100;
    const char* suffix = (tens >= 11 && tens <= 13) ? "th"
                         : n % 10 == 1              ? "st"
                         : n % 10 == 2              ? "nd"
                         : n % 10 == 3              ? "rd"
                                                    : "th";
    return std::to_string(n) + suffix;
}

std::string first_turn(MatchRole role) {
    return role == MatchRole::candidate ? "you answer first" : "you interview first";
}

std::string topics_text(const std::vector<std::string>& topics) {
    return topics.empty() ? "any topic" : common::join(topics, ", ");
}

std::string area_title(const std::string& id, const std::vector<protocol::FeedbackArea>& areas) {
    for (const auto& area : areas) {
        if (area.id == id)
            return area.title;
    }
    return id;
}

}  // namespace

std::string match_request_line(const protocol::MatchJoin& request) {
    std::string line = "looking for a partner on " + topics_text(request.topics);
    if (request.level)
        line += " (level " + protocol::name_of(*request.level) + ")";
    const MatchRole role = request.role.value_or(MatchRole::either);
    if (role == MatchRole::interviewer)
        line += ", interviewing first";
    else if (role == MatchRole::candidate)
        line += ", answering first";
    return line;
}

std::string match_status_line(const protocol::MatchStatus& status) {
    std::string line = "waiting for a partner: " + ordinal(status.position) + " in line, " +
                       std::to_string(status.waiting) + " waiting";
    std::vector<std::string> counts;
    for (const auto& topic : status.topics)
        counts.push_back(topic.topic + " " + std::to_string(topic.waiting));
    if (!counts.empty())
        line += "; " + common::join(counts, ", ");
    return line;
}

std::optional<std::string> requeued_line(const protocol::MatchStatus& status) {
    if (!status.requeued)
        return std::nullopt;
    switch (*status.requeued) {
        case protocol::Requeued::partner_declined:
            return "your partner declined: you are first in line again";
        case protocol::Requeued::partner_no_show:
            return "your partner did not confirm in time: you are first in line again";
        case protocol::Requeued::partner_gone:
            return "your partner's connection dropped: you are first in line again";
    }
    return std::nullopt;
}

std::string match_proposed_line(const protocol::MatchProposed& proposed) {
    std::string line = "partner found: " + proposed.partner;
    if (proposed.level)
        line += " (" + protocol::name_of(*proposed.level) + ")";
    return line + " on " + topics_text(proposed.topics) + "; " + first_turn(proposed.role);
}

std::string match_found_line(const protocol::MatchFound& found) {
    return "matched with " + found.partner + " in room " + found.code + ": " +
           first_turn(found.role) + ", then the roles swap";
}

std::string match_left_line(const protocol::MatchLeft& left) {
    switch (left.reason) {
        case protocol::MatchLeftReason::left:
            return "you left the queue";
        case protocol::MatchLeftReason::declined:
            return "you declined the partner and left the queue";
        case protocol::MatchLeftReason::no_show:
            return "you did not confirm the partner in time: out of the queue";
    }
    return "out of the queue";
}

std::vector<std::string> feedback_prompt(const protocol::FeedbackRequest& request) {
    std::vector<std::string> lines;
    lines.push_back("feedback for " + request.partner + ": rate what you saw from 1 to 5");
    for (std::size_t i = 0; i < request.areas.size(); ++i) {
        lines.push_back("  " + std::to_string(i + 1) + ". " + request.areas[i].id + ": " +
                        request.areas[i].title);
    }
    lines.push_back("type three lines: the ratings (e.g. " +
                    (request.areas.empty() ? std::string("structure") : request.areas.front().id) +
                    "=4 2=5; an empty line rates nothing), what went well, what to work on");
    return lines;
}

std::optional<std::vector<protocol::Rating>> parse_ratings(
    std::string_view line, const std::vector<protocol::FeedbackArea>& areas, std::string& error) {
    std::vector<protocol::Rating> ratings;
    std::string text(line);
    std::replace(text.begin(), text.end(), ',', ' ');
    std::size_t at = 0;
    while (at < text.size()) {
        while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at])))
            ++at;
        if (at >= text.size())
            break;
        std::size_t end = at;
        while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])))
            ++end;
        const std::string item = text.substr(at, end - at);
        at = end;
        const auto equals = item.find('=');
        if (equals == std::string::npos || equals == 0 || equals + 2 != item.size() ||
            item.back() < '1' || item.back() > '5') {
            error = "'" + item + "': rate an area as AREA=N, N from 1 to 5";
            return std::nullopt;
        }
        std::string area = item.substr(0, equals);
        if (std::all_of(area.begin(), area.end(),
                        [](unsigned char c) { return std::isdigit(c) != 0; })) {
            const auto index = std::stoul(area);
            if (index < 1 || index > areas.size()) {
                error =
                    "'" + area + "': the areas are numbered 1 to " + std::to_string(areas.size());
                return std::nullopt;
            }
            area = areas[index - 1].id;
        } else if (std::none_of(areas.begin(), areas.end(),
                                [&](const auto& a) { return a.id == area; })) {
            error = "'" + area + "' is not one of the areas listed";
            return std::nullopt;
        }
        if (std::any_of(ratings.begin(), ratings.end(),
                        [&](const auto& r) { return r.area == area; })) {
            error = "'" + area + "' is rated twice";
            return std::nullopt;
        }
        ratings.push_back({area, item.back() - '0'});
    }
    return ratings;
}

std::vector<std::string> partner_feedback_lines(const protocol::PartnerFeedback& feedback,
                                                const std::vector<protocol::FeedbackArea>& areas) {
    if (!feedback.sent)
        return {feedback.from + " sent no feedback in time"};
    std::vector<std::string> lines{"feedback from " + feedback.from + ":"};
    for (const auto& rating : feedback.ratings) {
        lines.push_back("  " + area_title(rating.area, areas) + ": " +
                        std::to_string(rating.score) + "/5");
    }
    if (!feedback.went_well.empty())
        lines.push_back("  went well: " + feedback.went_well);
    if (!feedback.work_on.empty())
        lines.push_back("  work on: " + feedback.work_on);
    return lines;
}

std::string feedback_markdown(const std::string& from, const std::string& to, bool sent,
                              const std::vector<protocol::Rating>& ratings,
                              const std::string& went_well, const std::string& work_on,
                              const std::vector<protocol::FeedbackArea>& areas) {
    std::string md = "## Feedback from " + from + " to " + to + "\n\n";
    if (!sent)
        return md + "None sent in time.\n";
    for (const auto& rating : ratings) {
        md += "- " + area_title(rating.area, areas) + ": " + std::to_string(rating.score) + "/5\n";
    }
    if (!went_well.empty())
        md += "- Went well: " + went_well + "\n";
    if (!work_on.empty())
        md += "- Work on: " + work_on + "\n";
    if (ratings.empty() && went_well.empty() && work_on.empty())
        md += "Nothing but a blank form.\n";
    return md;
}

}  // namespace rapidfire::client
