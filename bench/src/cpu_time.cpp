#include "cpu_time.hpp"

#include "process_probe.hpp"

namespace rapidfire::bench {

CpuTime cpu_time_now(int server_pid) {
    CpuTime now;
    if (auto server = sample_server(server_pid))
        now.server = server->cpu_seconds;
    if (auto bench = sample_process(0))
        now.bench = bench->cpu_seconds;
    const auto machine = machine_times().value_or(MachineTimes{});
    now.machine = machine.busy;
    now.steal = machine.steal;
    return now;
}

}  // namespace rapidfire::bench
