#pragma once
// The operating system's randomness behind a mutex: rooms on different strands draw tokens from
// it at the same time.

#include <memory>
#include <mutex>

#include "rapidfire/core/entropy.hpp"

namespace rapidfire::net {

class LockedEntropy final : public core::Entropy {
  public:
    explicit LockedEntropy(std::unique_ptr<core::Entropy> source);

    std::string bytes(std::size_t count) override;
    std::uint64_t below(std::uint64_t bound) override;

  private:
    std::mutex mutex_;
    std::unique_ptr<core::Entropy> source_;
};

}  // namespace rapidfire::net
