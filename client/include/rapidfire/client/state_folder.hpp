#pragma once
// The client's private state folder, where it keeps what only this user may read: host tokens,
// seats to come back to, the identity.
//
//     $XDG_STATE_HOME/rapidfire/   (else ~/.local/state/rapidfire/)
//
// The folder is 0700 and every file in it 0600.

#include <filesystem>
#include <string>
#include <string_view>

namespace rapidfire::client {

// The file `name` in the state folder; empty when neither XDG_STATE_HOME nor HOME is set (to
// an absolute path).
std::filesystem::path state_file(std::string_view name);

// Creates the folder of `file` when needed and makes it the user's alone. Throws
// std::runtime_error saying why it could not.
void make_private_folder(const std::filesystem::path& file);

// Writes all of `text` to `fd`; false (errno set) when it could not.
bool write_all(int fd, std::string_view text);

// The text of `file`; empty when it does not exist. Throws std::runtime_error when it exists
// and cannot be read.
std::string read_private_file(const std::filesystem::path& file);

// Replaces `file` with `text` (mode 0600) through a private temporary file renamed over it, so
// a reader never sees half a file. Throws std::runtime_error saying why it could not.
void replace_private_file(const std::filesystem::path& file, std::string_view text);

// An exclusive lock on `file` (through a companion "FILE.lock") for as long as it lives: clients
// running at once under one account read, change and write a state file one at a time. Makes
// the folder when needed; throws std::runtime_error saying why it could not lock.
class StateFileLock {
  public:
    explicit StateFileLock(const std::filesystem::path& file);
    ~StateFileLock();
    StateFileLock(const StateFileLock&) = delete;
    StateFileLock& operator=(const StateFileLock&) = delete;

  private:
    int fd_ = -1;
};

// strerror(errno), for the messages above.
std::string errno_text();

}  // namespace rapidfire::client
