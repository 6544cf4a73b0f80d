package workshop

import "sync"

// Broker tells whoever watches a room that it changed: the projector's
// live stream and the caches of what it shows. Publishing never blocks: a
// watcher that has not yet taken the last signal simply gets one signal
// for several changes.
type Broker struct {
	mu   sync.Mutex
	subs map[string]map[chan struct{}]struct{}
	gen  map[string]uint64
	all  uint64 // bumped when changes may have been missed (a reconnect)
}

// NewBroker returns an empty broker.
func NewBroker() *Broker {
	return &Broker{subs: map[string]map[chan struct{}]struct{}{}, gen: map[string]uint64{}}
}

// Subscribe returns a channel signalled after each change to room, and a
// function that ends the subscription.
func (b *Broker) Subscribe(room string) (<-chan struct{}, func()) {
	ch := make(chan struct{}, 1)
	b.mu.Lock()
	if b.subs[room] == nil {
		b.subs[room] = map[chan struct{}]struct{}{}
	}
	b.subs[room][ch] = struct{}{}
	b.mu.Unlock()
	return ch, func() {
		b.mu.Lock()
		delete(b.subs[room], ch)
		if len(b.subs[room]) == 0 {
			delete(b.subs, room)
		}
		b.mu.Unlock()
	}
}

// Publish signals a change to room.
func (b *Broker) Publish(room string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.gen[room]++
	for ch := range b.subs[room] {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

// PublishAll signals every room: changes may have been missed.
func (b *Broker) PublishAll() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.all++
	for _, subs := range b.subs {
		for ch := range subs {
			select {
			case ch <- struct{}{}:
			default:
			}
		}
	}
}

// Generation changes whenever room changes (or everything may have).
func (b *Broker) Generation(room string) uint64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.gen[room] + b.all<<32
}
