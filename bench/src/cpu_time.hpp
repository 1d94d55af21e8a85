#pragma once
// CPU seconds of the server, the bench and the whole machine, read together so that what a
// phase of a run cost each is the difference of two readings.

namespace rapidfire::bench {

struct CpuTime {
    double server = 0;
    double bench = 0;
    double machine = 0;  // every process, these two included
    double steal = 0;    // taken by the host under the virtual machine

    CpuTime operator-(const CpuTime& before) const {
        return {server - before.server, bench - before.bench, machine - before.machine,
                steal - before.steal};
    }
};

// The CPU seconds so far; the server's stay 0 when server_pid is 0 or /proc cannot be read.
CpuTime cpu_time_now(int server_pid);

}  // namespace rapidfire::bench
