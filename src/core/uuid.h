#pragma once

#include <QString>

namespace huike {

// Client-made ids: a checkout carries one so that a retry or a double click records one sale, and
// every ledger row carries one so a chain can settle its stores' books later.
//
// Version 7 (RFC 9562): the first 48 bits are the Unix time in milliseconds, then a counter that
// keeps ids made in the same millisecond in order, then random bits. Ids made one after another
// sort one after another, so each ledger's UNIQUE(uuid) index grows at its right edge instead of
// at a random leaf of a tree of millions: a sale dirties the pages it wrote a moment ago, not a
// fresh one per ledger, and the index pages fill up instead of splitting half-empty. Two tills
// making ids in the same millisecond still differ in their 62 random bits.
QString newUuid();

} // namespace huike
