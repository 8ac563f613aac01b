// Objects made once per key and shared while anyone holds them: a folder run makes a Linter
// per team's configuration, and the teams share what does not depend on their settings (a
// language's compiled rules, a dictionary's Hunspell handles and suggestion tables).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace brandlint::cache {

// Holds weak pointers, so an object goes with its last holder. Thread-safe; `make` runs
// outside the lock, and when two threads make the same key at once, the first one kept wins.
template <class T>
class SharedByKey {
 public:
  // The live object of `key`, else what `make()` returns (a std::shared_ptr<T>); a null one
  // is returned and not kept.
  template <class Make>
  std::shared_ptr<T> get(const std::string& key, Make&& make) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      auto found = objects_.find(key);
      if (found != objects_.end()) {
        if (auto alive = found->second.lock()) return alive;
      }
    }
    std::shared_ptr<T> made = make();
    if (!made) return made;
    std::lock_guard<std::mutex> lock(mutex_);
    std::erase_if(objects_, [](const auto& entry) { return entry.second.expired(); });
    auto& slot = objects_[key];
    if (auto alive = slot.lock()) return alive;
    slot = made;
    return made;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::weak_ptr<T>> objects_;
};

}  // namespace brandlint::cache
