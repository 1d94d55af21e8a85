#include "locked_entropy.hpp"

namespace rapidfire::net {

LockedEntropy::LockedEntropy(std::unique_ptr<core::Entropy> source) : source_(std::move(source)) {}

std::string LockedEntropy::bytes(std::size_t count) {
    std::lock_guard lock(mutex_);
    return source_->bytes(count);
}

std::uint64_t LockedEntropy::below(std::uint64_t bound) {
    std::lock_guard lock(mutex_);
    return source_->below(bound);
}

}  // namespace rapidfire::net
