#pragma once
// The JSON both run reports (the games', --match's) are made of: latency summaries, the
// "config" and "notes" every run has, the errors by kind, and the file itself.

#include <string>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "latency_samples.hpp"
#include "run_record.hpp"
#include "thread_stats.hpp"

namespace rapidfire::bench {

boost::json::object latency_json(const LatencySummary& s);

// The run's "config": the URL, the kind of run's own settings, then those every run has.
boost::json::object config_json(const RunRecord& r, const boost::json::object& own);

boost::json::array notes_json(const RunRecord& r);

boost::json::object errors_json(const ErrorCounts& errors);

// Writes `json` and a newline to `path`; false when the file cannot be written.
bool write_json_file(const std::string& path, const boost::json::object& json);

}  // namespace rapidfire::bench
