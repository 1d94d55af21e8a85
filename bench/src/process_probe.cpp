#include "process_probe.hpp"

#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>

namespace rapidfire::bench {

namespace {

std::string proc_dir(int pid) {
    return pid == 0 ? std::string("/proc/self/") : "/proc/" + std::to_string(pid) + "/";
}

std::optional<std::uint64_t> resident_bytes(const std::string& dir) {
    std::ifstream status(dir + "status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) {
            std::istringstream fields(line.substr(6));
            std::uint64_t kib = 0;
            if (fields >> kib)
                return kib * 1024;
        }
    }
    return std::nullopt;
}

// utime and stime are fields 14 and 15 of /proc/PID/stat; the command name (field 2) may hold
// spaces and parentheses, so counting starts after its last ')'.
std::optional<double> cpu_seconds(const std::string& dir) {
    std::ifstream stat(dir + "stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    if (close == std::string::npos)
        return std::nullopt;
    std::istringstream fields(text.substr(close + 1));
    std::string field;
    // After the name: state (3) ... minflt..cmajflt (10-13), then utime (14), stime (15).
    for (int index = 3; index <= 13; ++index) {
        if (!(fields >> field))
            return std::nullopt;
    }
    unsigned long long user = 0;
    unsigned long long system = 0;
    if (!(fields >> user >> system))
        return std::nullopt;
    const long ticks = sysconf(_SC_CLK_TCK);
    return static_cast<double>(user + system) / static_cast<double>(ticks > 0 ? ticks : 100);
}

}  // namespace

std::optional<MachineTimes> machine_times() {
    std::ifstream stat("/proc/stat");
    std::string label;
    if (!(stat >> label) || label != "cpu")
        return std::nullopt;
    // user nice system idle iowait irq softirq steal (guest time is already in user).
    unsigned long long ticks[8] = {};
    for (auto& value : ticks) {
        if (!(stat >> value))
            return std::nullopt;
    }
    const unsigned long long busy = ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6];
    const long per_second = sysconf(_SC_CLK_TCK);
    const double tick = 1.0 / static_cast<double>(per_second > 0 ? per_second : 100);
    return MachineTimes{static_cast<double>(busy) * tick, static_cast<double>(ticks[7]) * tick};
}

std::optional<ProcessSample> sample_process(int pid) {
    const auto dir = proc_dir(pid);
    auto rss = resident_bytes(dir);
    auto cpu = cpu_seconds(dir);
    if (!rss || !cpu)
        return std::nullopt;
    return ProcessSample{*rss, *cpu};
}

std::optional<ProcessSample> sample_server(int server_pid) {
    return server_pid != 0 ? sample_process(server_pid) : std::nullopt;
}

}  // namespace rapidfire::bench
