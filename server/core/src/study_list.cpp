#include "rapidfire/core/study_list.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace rapidfire::core {

using protocol::StudyTopic;
using protocol::Verdict;

std::vector<StudyTopic> study_list(std::span<const PlannedQuestion> played,
                                   const std::vector<std::optional<Verdict>>& marks,
                                   const std::vector<content::ChecklistItem>& checklist) {
    std::map<std::string, std::vector<int>> by_topic;  // "" holds the questions without topics
    for (std::size_t i = 0; i < played.size(); ++i) {
        const bool marked_correct = i < marks.size() && marks[i] == Verdict::correct;
        if (marked_correct || played[i].source == nullptr)
            continue;
        const auto& topics = played[i].source->topics;
        if (topics.empty())
            by_topic[""].push_back(static_cast<int>(i));
        for (const auto& topic : topics)
            by_topic[topic].push_back(static_cast<int>(i));
    }

    std::vector<StudyTopic> list;
    list.reserve(by_topic.size());
    for (auto& [topic, questions] : by_topic)
        list.push_back(StudyTopic{topic, std::move(questions), {}});
    // Most missed first, then by name (the map's order, kept by the stable sort); no topic last.
    std::stable_sort(list.begin(), list.end(), [](const StudyTopic& a, const StudyTopic& b) {
        if (a.topic.empty() != b.topic.empty())
            return b.topic.empty();
        return a.questions.size() > b.questions.size();
    });

    std::size_t text_bytes = 0;
    bool texts_fit = true;
    for (auto& entry : list) {
        std::size_t bytes = 0;
        for (const int q : entry.questions)
            bytes += played[q].source->text.size();
        texts_fit = texts_fit && text_bytes + bytes <= max_study_text_bytes;
        if (texts_fit) {
            text_bytes += bytes;
            for (const int q : entry.questions)
                entry.texts.push_back(played[q].source->text);
        }
        if (entry.topic.empty())
            continue;
        const auto item = std::find_if(checklist.begin(), checklist.end(), [&](const auto& c) {
            return std::find(c.topics.begin(), c.topics.end(), entry.topic) != c.topics.end();
        });
        if (item != checklist.end()) {
            entry.area = item->area;
            entry.checklist = item->text;
        }
    }
    return list;
}

std::vector<protocol::TopicMisses> topic_misses(const std::vector<StudyTopic>& study) {
    std::vector<protocol::TopicMisses> misses;
    misses.reserve(study.size());
    for (const auto& entry : study)
        misses.push_back({entry.topic, entry.questions, entry.area, entry.checklist});
    return misses;
}

}  // namespace rapidfire::core
