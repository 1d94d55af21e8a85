#include "rapidfire/client/summary_markdown.hpp"

#include <algorithm>

#include "rapidfire/common/text.hpp"

#include "rapidfire/client/countdown.hpp"

namespace rapidfire::client {

namespace {

const content::Tip* find_tip(const content::StudyGuide* guide, const std::string& id) {
    if (guide == nullptr)
        return nullptr;
    for (const auto& tip : guide->tips) {
        if (tip.id == id)
            return &tip;
    }
    return nullptr;
}

std::string tip_name(const content::StudyGuide* guide, const std::string& id) {
    const content::Tip* tip = find_tip(guide, id);
    return tip == nullptr ? id : tip->title + " (" + id + ")";
}

}  // namespace

std::string summary_markdown(const protocol::Summary& summary, const content::StudyGuide* guide) {
    std::string md;
    md += "# Interview summary: " + summary.nickname + "\n\n";
    md += "- Interviewer: " + summary.interviewer + "\n";
    md += "- Points: " + std::to_string(summary.points) + " (rank " + std::to_string(summary.rank) +
          ")\n";
    md += "- Correct " + std::to_string(summary.correct) + ", partial " +
          std::to_string(summary.partial) + ", wrong " + std::to_string(summary.wrong) +
          ", unanswered " + std::to_string(summary.unanswered) + "\n";
    md += "- Answer time: " + format_seconds(summary.time_ms) + "\n";

    for (const auto& item : summary.items) {
        md += "\n## " + std::to_string(item.question + 1) + ". " + item.text + "\n\n";
        if (!item.topics.empty())
            md += "- Topics: " + common::join(item.topics, ", ") + "\n";
        md += "- Answer: " + (item.answer ? *item.answer : std::string("(no answer)")) + "\n";
        md += "- Reference: " + item.reference + "\n";
        if (item.verdict) {
            md += "- Verdict: " + protocol::name_of(*item.verdict) + ", " +
                  std::to_string(item.points) + " points in " + format_seconds(item.time_ms) + "\n";
        } else {
            md += "- Verdict: not marked\n";
        }
        if (item.comment && !item.comment->empty())
            md += "- Comment: " + *item.comment + "\n";
        if (!item.tips.empty()) {
            std::vector<std::string> names;
            for (const auto& id : item.tips)
                names.push_back(tip_name(guide, id));
            md += "- Communication: " + common::join(names, ", ") + "\n";
        }
    }

    if (!summary.misses_by_topic.empty()) {
        md += "\n## Topics to review\n\n";
        std::vector<std::string> areas;  // the checklist areas involved, each once
        for (const auto& miss : summary.misses_by_topic) {
            if (miss.area && std::find(areas.begin(), areas.end(), *miss.area) == areas.end())
                areas.push_back(*miss.area);
        }
        if (!areas.empty())
            md += "Checklist areas to review: " + common::join(areas, ", ") + ".\n\n";
        for (const auto& miss : summary.misses_by_topic) {
            std::vector<std::string> numbers;
            for (const int q : miss.questions)
                numbers.push_back(std::to_string(q + 1));
            md += "- " + (miss.topic.empty() ? std::string("without a topic") : miss.topic) +
                  ": question" + (numbers.size() == 1 ? " " : "s ") + common::join(numbers, ", ") +
                  "\n";
            if (miss.area) {
                md += "  - See the checklist: **" + *miss.area + "**" +
                      (miss.checklist ? " \u2014 " + *miss.checklist : std::string()) + "\n";
            }
        }
    }

    if (!summary.tips_shown.empty() || !summary.tips_missed.empty()) {
        md += "\n## Communication\n\n";
        if (!summary.tips_shown.empty()) {
            std::vector<std::string> names;
            for (const auto& id : summary.tips_shown)
                names.push_back(tip_name(guide, id));
            md += "Shown: " + common::join(names, ", ") + ".\n";
        }
        if (!summary.tips_missed.empty()) {
            md += "\nTo work on:\n\n";
            for (const auto& id : summary.tips_missed) {
                const content::Tip* tip = find_tip(guide, id);
                md += tip == nullptr ? "- " + id + "\n"
                                     : "- **" + tip->title + "**: " + tip->text + "\n";
            }
        }
    }
    return md;
}

}  // namespace rapidfire::client
