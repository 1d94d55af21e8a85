#include "report_json.hpp"

#include <fstream>

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace rapidfire::bench {

boost::json::object latency_json(const LatencySummary& s) {
    return {{"count", s.count},   {"p50_ms", s.p50_ms}, {"p90_ms", s.p90_ms},
            {"p99_ms", s.p99_ms}, {"max_ms", s.max_ms}, {"mean_ms", s.mean_ms}};
}

boost::json::object config_json(const RunRecord& r, const boost::json::object& own) {
    const auto& o = r.options;
    boost::json::object config{{"url", o.url}};
    for (const auto& setting : own)
        config.emplace(setting.key(), setting.value());
    config.emplace("threads", o.threads);
    config.emplace("connect_rate", o.connect_rate);
    config.emplace("connect_window", o.connect_window);
    config.emplace("source_addresses", r.source_addresses);
    config.emplace("timeout_s", o.timeout_seconds);
    config.emplace("seed", r.seed);
    config.emplace("file_limit", r.file_limit);
    return config;
}

boost::json::array notes_json(const RunRecord& r) {
    boost::json::array notes;
    for (const auto& note : r.notes)
        notes.emplace_back(note);
    return notes;
}

boost::json::object errors_json(const ErrorCounts& errors) {
    boost::json::object json;
    for (const auto& [kind, count] : errors)
        json[kind] = count;
    return json;
}

bool write_json_file(const std::string& path, const boost::json::object& json) {
    std::ofstream file(path);
    file << boost::json::serialize(json) << "\n";
    return static_cast<bool>(file);
}

}  // namespace rapidfire::bench
