#include "report_text.hpp"

#include <cstdarg>
#include <cstdio>
#include <ostream>

namespace rapidfire::bench {

std::string format(const char* pattern, ...) {
    char text[512];
    va_list args;
    va_start(args, pattern);
    std::vsnprintf(text, sizeof text, pattern, args);
    va_end(args);
    return text;
}

void row(std::ostream& out, const char* label, const std::string& value) {
    out << format("  %-28s %s\n", label, value.c_str());
}

std::string latency_text(const LatencySummary& s) {
    if (s.count == 0)
        return "no samples";
    return format("p50 %8.2f  p90 %8.2f  p99 %8.2f  max %8.2f ms  (%zu samples)", s.p50_ms,
                  s.p90_ms, s.p99_ms, s.max_ms, s.count);
}

double in_mib(double bytes) {
    return bytes / (1024.0 * 1024.0);
}

void print_setup_notes(std::ostream& out, const RunRecord& r) {
    if (r.source_addresses > 1)
        out << format("connecting from %d loopback addresses, 127.0.0.1 .. 127.0.0.%d\n",
                      r.source_addresses, r.source_addresses);
    for (const auto& note : r.notes)
        out << "note: " << note << "\n";
}

void print_errors(std::ostream& out, const RunRecord& r) {
    row(out, "errors", format("%llu", static_cast<unsigned long long>(r.error_total)));
    for (const auto& [kind, count] : r.errors)
        row(out, ("  " + kind).c_str(), format("%llu", static_cast<unsigned long long>(count)));
    if (r.timed_out)
        row(out, "timed out", format("after %d s", r.options.timeout_seconds));
}

}  // namespace rapidfire::bench
