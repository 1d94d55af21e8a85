#include "rapidfire/client/progress_format.hpp"

#include <cmath>
#include <stdexcept>

#include <boost/json.hpp>

#include "rapidfire/client/results_format.hpp"
#include "rapidfire/client/text_table.hpp"

namespace rapidfire::client {

namespace json = boost::json;

namespace {

int count_of(const json::object& row, std::string_view key) {
    const auto* value = row.if_contains(key);
    if (value == nullptr || !value->is_int64())
        throw std::runtime_error("the server's progress has no " + std::string(key));
    return static_cast<int>(value->as_int64());
}

TopicProgressRow row_of(const json::value& value) {
    if (!value.is_object())
        throw std::runtime_error("the server's progress is not readable");
    const auto& row = value.get_object();
    TopicProgressRow parsed;
    if (const auto* topic = row.if_contains("topic"); topic && topic->is_string())
        parsed.topic = std::string(topic->get_string());
    parsed.questions = count_of(row, "questions");
    parsed.due = count_of(row, "due");
    parsed.learnt = count_of(row, "learnt");
    parsed.fresh = count_of(row, "new");
    if (const auto* retention = row.if_contains("retention"); retention && retention->is_number())
        parsed.retention = retention->to_number<double>();
    return parsed;
}

std::string percent(const std::optional<double>& share) {
    if (!share)
        return "-";
    return std::to_string(static_cast<int>(std::lround(*share * 100))) + "%";
}

}  // namespace

Progress parse_progress(std::string_view body) {
    boost::system::error_code ec;
    const auto value = json::parse(json::string_view(body.data(), body.size()), ec);
    if (ec || !value.is_object())
        throw std::runtime_error("the server's progress is not readable");
    const auto& object = value.get_object();
    Progress progress;
    if (const auto* bank = object.if_contains("bank"); bank && bank->is_string())
        progress.bank = std::string(bank->get_string());
    if (const auto* as_of = object.if_contains("as_of"); as_of && as_of->is_int64())
        progress.as_of = as_of->get_int64();
    const auto* topics = object.if_contains("topics");
    const auto* total = object.if_contains("total");
    if (topics == nullptr || !topics->is_array() || total == nullptr)
        throw std::runtime_error("the server's progress is not readable");
    for (const auto& topic : topics->get_array())
        progress.topics.push_back(row_of(topic));
    progress.total = row_of(*total);
    if (const auto* next = object.if_contains("next_due"); next && next->is_int64())
        progress.next_due = next->get_int64();
    return progress;
}

std::string progress_text(const Progress& progress) {
    std::string text = "your progress" + (progress.bank.empty() ? "" : " on " + progress.bank) +
                       " (remembered: the chance, as estimated now, of recalling what you "
                       "answered)\n";
    std::vector<std::vector<std::string>> rows = {
        {"topic", "questions", "due", "learnt", "new", "remembered"}};
    auto add = [&](const TopicProgressRow& row, std::string name) {
        rows.push_back({std::move(name), std::to_string(row.questions), std::to_string(row.due),
                        std::to_string(row.learnt), std::to_string(row.fresh),
                        percent(row.retention)});
    };
    for (const auto& topic : progress.topics)
        add(topic, topic.topic);
    add(progress.total, "all");
    text += text_table(rows, {false, true, true, true, true, true});
    const auto& total = progress.total;
    if (total.due > 0) {
        text += std::to_string(total.due) + (total.due == 1 ? " question is" : " questions are") +
                " due now: rapidfire-client review --name NAME\n";
    } else if (total.fresh > 0) {
        text += "nothing is due now; " + std::to_string(total.fresh) +
                " new to learn: rapidfire-client review --name NAME\n";
    }
    if (progress.next_due)
        text += "the next question comes back " + local_time(*progress.next_due) + "\n";
    return text;
}

}  // namespace rapidfire::client
