#include "base/versioned_cache.h"

#include <gtest/gtest.h>

namespace dondoc {
namespace {

TEST(VersionedCacheTest, ServesOnlyTheVersionItWasFilledAt) {
  struct Case {
    int n;
    std::uint64_t put_version;
    std::uint64_t get_version;
    bool found;
  };
  const Case cases[] = {
      {1, 3, 3, true},   // same version
      {2, 3, 4, false},  // a commit since
      {3, 3, 2, false},  // a reader that started before
  };
  for (const Case& c : cases) {
    VersionedCache<int> cache(8);
    cache.Put("k", c.put_version, std::make_shared<const int>(c.n));
    auto got = cache.Get("k", c.get_version);
    EXPECT_EQ(got != nullptr, c.found) << "case " << c.n;
    if (got) {
      EXPECT_EQ(*got, c.n) << "case " << c.n;
    }
  }
}

TEST(VersionedCacheTest, NewerPutDropsOlderEntriesAndOlderPutIsIgnored) {
  VersionedCache<int> cache(8);
  cache.Put("a", 5, std::make_shared<const int>(1));
  cache.Put("b", 6, std::make_shared<const int>(2));
  EXPECT_EQ(cache.Get("a", 6), nullptr);
  cache.Put("c", 5, std::make_shared<const int>(3));  // counted before the commit of 6
  EXPECT_EQ(cache.Get("c", 6), nullptr);
  ASSERT_NE(cache.Get("b", 6), nullptr);
  EXPECT_EQ(*cache.Get("b", 6), 2);
}

TEST(VersionedCacheTest, FullCacheStartsOver) {
  VersionedCache<int> cache(2);
  cache.Put("a", 1, std::make_shared<const int>(1));
  cache.Put("b", 1, std::make_shared<const int>(2));
  cache.Put("c", 1, std::make_shared<const int>(3));
  EXPECT_EQ(cache.Get("a", 1), nullptr);
  ASSERT_NE(cache.Get("c", 1), nullptr);
}

}  // namespace
}  // namespace dondoc
