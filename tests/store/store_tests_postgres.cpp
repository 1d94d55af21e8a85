// Starts one PostgreSQL cluster for a whole test run and stops it afterwards (ctest runs this
// as the store tests' fixture), so each test process uses it instead of starting its own:
//   store_tests_postgres start FILE   starts a cluster and writes where it is to FILE
//   store_tests_postgres stop FILE    stops that cluster and removes it and FILE
// The store tests find FILE in $RAPIDFIRE_TEST_POSTGRES.

#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "postgres_cluster.hpp"

namespace {

using rapidfire::test::PostgresCluster;

// Stops the cluster FILE names, if any: one left by a run that was cut short, or ours.
void stop(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::string folder;
    if (std::getline(in, folder) && std::filesystem::exists(folder))
        PostgresCluster::stop_kept(folder);
    std::filesystem::remove(file);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3 || (std::strcmp(argv[1], "start") != 0 && std::strcmp(argv[1], "stop") != 0)) {
        std::cerr << "usage: store_tests_postgres start|stop FILE\n";
        return 2;
    }
    const std::filesystem::path file = argv[2];
    try {
        stop(file);
        if (std::strcmp(argv[1], "start") == 0) {
            PostgresCluster cluster;
            cluster.keep();
            std::ofstream(file) << cluster.folder().string() << "\n";
            std::cout << "PostgreSQL for the store tests: " << cluster.url("postgres") << "\n";
        }
    } catch (const std::exception& e) {
        std::cerr << "store_tests_postgres: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
