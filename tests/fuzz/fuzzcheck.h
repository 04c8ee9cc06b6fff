#pragma once

#include <cstdlib>

// An invariant of a fuzz target: a violation aborts, which libFuzzer reports with the input.
inline void require(bool ok)
{
    if (!ok)
        std::abort();
}
