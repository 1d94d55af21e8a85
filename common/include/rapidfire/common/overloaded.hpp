#pragma once
// A visitor made of lambdas, one per alternative: std::visit(overloaded{[](A&) {}, ...}, v).

namespace rapidfire::common {

template <class... F>
struct overloaded : F... {
    using F::operator()...;
};
template <class... F>
overloaded(F...) -> overloaded<F...>;

}  // namespace rapidfire::common
