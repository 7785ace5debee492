package route

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"sync"
	"time"

	"github.com/numkit/numkit/numeric/internal/hw"
)

// Learned decisions persist in the profile (Profile.Learned), so that a measured size
// class is not measured again by every process. A profile of another version or
// machine is left alone: what is learned then lives in memory only.

// learnedStore is the profile's learned decisions, read once, and where to write them.
type learnedStore struct {
	mu      sync.Mutex
	path    string
	loaded  bool
	entries map[string]Learned
	warned  bool
}

var machineLearned = &learnedStore{}

// Recall returns the decision this machine's profile stores under key.
func Recall(key string) (Learned, bool) { return machineLearned.recall(key) }

// Learn stores a measured decision in memory and in this machine's profile.
func Learn(key string, l Learned) { machineLearned.learn(key, l) }

func (s *learnedStore) load() {
	if s.loaded {
		return
	}
	s.loaded = true
	if s.path == "" {
		s.path = ProfilePath()
	}
	s.entries = map[string]Learned{}
	if p, err := ReadProfile(s.path); err == nil && p.Version == ProfileVersion && p.Key == ProfileKey() {
		maps.Copy(s.entries, p.Learned)
	}
}

func (s *learnedStore) recall(key string) (Learned, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.load()
	l, ok := s.entries[key]
	return l, ok
}

func (s *learnedStore) learn(key string, l Learned) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.load()
	s.entries[key] = l
	if err := storeLearned(s.path, key, l); err != nil && !s.warned {
		s.warned = true
		hw.Logger().Warn(fmt.Sprintf("numkit: keeping measured routing decisions in memory only: %v", err))
	}
}

// storeLearned adds one learned decision to the profile at path (a new profile with
// the built-in costs when there is none). A profile of another version or machine is
// not overwritten.
func storeLearned(path, key string, l Learned) error {
	if path == "" {
		return errors.New("no cache directory (set NUMKIT_CACHE_DIR)")
	}
	p, err := ReadProfile(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		p = Profile{Version: ProfileVersion, Key: ProfileKey(), Created: time.Now().UTC()}
	case err != nil:
		return err
	case p.Version != ProfileVersion || p.Key != ProfileKey():
		return fmt.Errorf("the profile %s is of another version or machine", path)
	}
	if p.Learned == nil {
		p.Learned = map[string]Learned{}
	}
	p.Learned[key] = l
	return WriteProfile(path, p)
}
