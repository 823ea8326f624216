// SPDX-License-Identifier: GPL-2.0-only

//! Split virtqueues (virtio spec 1.2, section 2.7).
//!
//! A queue of `size` entries (a power of two) is three rings in coherent
//! DMA memory that the driver and the device share:
//!
//! - the descriptor table: `size` descriptors of 16 bytes (address,
//!   length, flags `NEXT`/`WRITE`, next), kept as two `u64` each;
//! - the available ring, written by the driver: `flags`, `idx`, then
//!   `size` heads of descriptor chains, then `used_event` (all `u16`);
//! - the used ring, written by the device: `flags`, `idx` (one `u32`),
//!   then `size` elements (`id`, `len`: two `u32`), then `avail_event`.
//!
//! [`Virtqueue::add`] takes free descriptors, chains them over the
//! buffers (device-readable first, then device-writable, as the spec
//! requires), publishes the head in the available ring and keeps the
//! caller's token; [`Virtqueue::kick`] rings the doorbell;
//! [`Virtqueue::get_buf`] takes the next chain the device returned in the
//! used ring and gives back its token and the length the device wrote.
//!
//! The device is not trusted: chains are walked through a CPU-side copy
//! of the links, never through the shared table, a used `id` that names
//! no chain in flight is skipped, and a used length is capped at the
//! chain's writable length. A buffer stays alive while the device may
//! reach it because the queue holds a reference to its memory
//! ([`Buffer`]) until the chain comes back, or until the queue is dropped,
//! which first resets the device. Memory a token lends ([`Lent`], e.g. a
//! block request's pages, [`Virtqueue::add_lent`]) stays alive the same
//! way: the queue keeps the token. [`Virtqueue::detach_unused_buf`]
//! resets the device and gives back the tokens of the chains it never
//! returned, for a driver's remove to fail them.
//!
//! Locking: one spinlock taken with interrupts off, so `add`, `kick` and
//! `get_buf` may be called from process context and from the interrupt
//! handler alike; none of them sleeps or allocates.

use super::pci::{QueueAddrs, Transport};
use crate::alloc::{flags::GFP_KERNEL, KBox, KVec};
use crate::dma::{CoherentAllocation, Direction, Lent};
use crate::error::{code::*, Error, Result};
use crate::init::InPlaceInit;
use crate::new_spinlock;
use crate::sync::{barrier, Arc, SpinLock};
use core::pin::Pin;

const VIRTQ_DESC_F_NEXT: u64 = 1;
const VIRTQ_DESC_F_WRITE: u64 = 2;
/// In the used ring's flags: the device asks not to be notified.
const VIRTQ_USED_F_NO_NOTIFY: u32 = 1;

/// Part of a [`CoherentAllocation`] that the device reads or writes.
///
/// It holds a reference to the memory: a [`Virtqueue`] keeps a clone of
/// it for as long as the device may use the memory.
#[derive(Clone)]
pub struct Buffer {
    mem: Arc<CoherentAllocation<u8>>,
    offset: usize,
    len: u32,
}

impl Buffer {
    /// Bytes `offset..offset + len` of `mem`. `EINVAL` if empty, past the
    /// end of `mem` or longer than 4 GiB.
    pub fn new(mem: Arc<CoherentAllocation<u8>>, offset: usize, len: usize) -> Result<Self> {
        let end = offset.checked_add(len).ok_or(EINVAL)?;
        if len == 0 || end > mem.count() {
            return Err(EINVAL);
        }
        let len = u32::try_from(len).map_err(|_| EINVAL)?;
        Ok(Buffer { mem, offset, len })
    }

    /// The whole of `mem`.
    pub fn whole(mem: Arc<CoherentAllocation<u8>>) -> Result<Self> {
        let len = mem.count();
        Self::new(mem, 0, len)
    }

    /// The buffer's length in bytes.
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// Always false: a buffer is never empty.
    pub fn is_empty(&self) -> bool {
        false
    }

    fn dma_addr(&self) -> u64 {
        self.mem.dma_handle() + self.offset as u64
    }
}

/// A chain being built by `add_chain`.
struct Chain {
    /// The next descriptor to take.
    next: u16,
    count: u16,
    writable: u32,
    /// The last descriptor filled and its length/flags/link word, written
    /// once it is known whether another follows.
    pending: Option<(usize, u64)>,
}

/// A chain the device has not returned yet, filed under its head.
struct InFlight<T> {
    token: T,
    count: u16,
    writable: u32,
}

/// The CPU side of a queue, under its lock.
struct State<T> {
    /// First free descriptor, and how many are free.
    free_head: u16,
    num_free: u16,
    /// Next value of the available ring's `idx`.
    avail_idx: u16,
    /// The used ring's `idx` as far as we have consumed it.
    last_used: u16,
    /// Links of the free list and of the chains in flight.
    next: KVec<u16>,
    /// The buffer each descriptor points to while in flight.
    bufs: KVec<Option<Buffer>>,
    /// The chain starting at each head.
    heads: KVec<Option<InFlight<T>>>,
    /// The device was reset by `detach_unused_buf`: no more chains.
    stopped: bool,
}

// The state is only reached through the lock's guard and never pinned
// itself (tokens sit in a vector, which may move them): it may be `Unpin`
// whatever the token.
impl<T> Unpin for State<T> {}

impl<T> State<T> {
    /// Takes the chain in flight at `head` off the queue, if there is
    /// one: its descriptors go back on the free list, the queue's
    /// references to its buffers are dropped.
    fn free_chain(&mut self, head: usize) -> Option<InFlight<T>> {
        let chain = self.heads.get_mut(head)?.take()?;
        let mut d = head as u16;
        for i in 0..chain.count {
            self.bufs[usize::from(d)] = None;
            if i + 1 < chain.count {
                d = self.next[usize::from(d)];
            }
        }
        // The chain goes back on the free list as it is.
        self.next[usize::from(d)] = self.free_head;
        self.free_head = head as u16;
        self.num_free += chain.count;
        Some(chain)
    }
}

/// A split virtqueue carrying tokens of type `T` (e.g. a request).
///
/// # Invariants
///
/// `desc`, `avail` and `used` are the rings queue `index` of the device
/// behind `transport` was given, and `size` their number of entries;
/// while the device may use them they are not freed (dropping the queue
/// resets the device first).
pub struct Virtqueue<T: Send> {
    transport: Arc<Transport>,
    index: u16,
    size: u16,
    notify_offset: usize,
    desc: CoherentAllocation<u64>,
    avail: CoherentAllocation<u16>,
    used: CoherentAllocation<u32>,
    state: Pin<KBox<SpinLock<State<T>>>>,
}

impl<T: Send> Virtqueue<T> {
    /// Sets up queue `index` with at most `max_size` entries (a power of
    /// two; the device's limit if smaller) and enables it. Before
    /// `DRIVER_OK`. `ENOENT` (no such queue), `EBUSY` (already set up),
    /// `EINVAL` (`max_size` not a power of two), `ENOMEM`. May sleep.
    pub(crate) fn new(transport: &Arc<Transport>, index: u16, max_size: u16) -> Result<Self> {
        if !max_size.is_power_of_two() {
            return Err(EINVAL);
        }
        let dev_max = transport.queue_max_size(index)?;
        // The device's limit need not be a power of two: round it down.
        let size = max_size.min(1 << (15 - dev_max.leading_zeros()));
        let n = usize::from(size);
        let dev = transport.pci();
        let desc = CoherentAllocation::<u64>::alloc_coherent(dev, 2 * n, GFP_KERNEL)?;
        let avail = CoherentAllocation::<u16>::alloc_coherent(dev, n + 3, GFP_KERNEL)?;
        let used = CoherentAllocation::<u32>::alloc_coherent(dev, 2 * n + 2, GFP_KERNEL)?;
        let mut next = KVec::with_capacity(n, GFP_KERNEL)?;
        let mut bufs = KVec::with_capacity(n, GFP_KERNEL)?;
        let mut heads = KVec::with_capacity(n, GFP_KERNEL)?;
        for i in 0..size {
            // Within the capacity reserved just now: cannot fail.
            let _ = next.push_within_capacity(i.wrapping_add(1) % size);
            let _ = bufs.push_within_capacity(None);
            let _ = heads.push_within_capacity(None);
        }
        let state = KBox::pin_init(
            new_spinlock!(State {
                free_head: 0,
                num_free: size,
                avail_idx: 0,
                last_used: 0,
                next,
                bufs,
                heads,
                stopped: false,
            }),
            GFP_KERNEL,
        )?;
        let addrs = QueueAddrs {
            desc: desc.dma_handle(),
            driver: avail.dma_handle(),
            device: used.dma_handle(),
        };
        let notify_offset = transport.setup_queue(index, size, &addrs)?;
        // INVARIANT: the device was given exactly these rings.
        Ok(Virtqueue {
            transport: transport.clone(),
            index,
            size,
            notify_offset,
            desc,
            avail,
            used,
            state,
        })
    }

    /// The number of entries.
    pub fn size(&self) -> u16 {
        self.size
    }

    /// The number of free descriptors (one per buffer `add` takes).
    pub fn num_free(&self) -> u16 {
        self.state.lock_irqsave().num_free
    }

    /// Makes `readable` then `writable` available to the device as one
    /// chain, filed under `token`; the device sees it after the next
    /// [`kick`](Virtqueue::kick). On error the token comes back: `EINVAL`
    /// for no buffer at all, `ENOSPC` for fewer free descriptors than
    /// buffers (wait for [`get_buf`](Virtqueue::get_buf) to free some),
    /// `ENODEV` after [`detach_unused_buf`](Virtqueue::detach_unused_buf).
    /// Any context; never sleeps.
    pub fn add(
        &self,
        readable: &[Buffer],
        writable: &[Buffer],
        token: T,
    ) -> core::result::Result<(), (Error, T)> {
        self.add_chain(token, |_, put| {
            for buf in readable {
                put(buf.dma_addr(), buf.len, false, Some(buf))?;
            }
            for buf in writable {
                put(buf.dma_addr(), buf.len, true, Some(buf))?;
            }
            Ok(())
        })
    }

    /// [`add`](Virtqueue::add) with the memory `token` lends ([`Lent`],
    /// e.g. a block request's pages) between `readable` and `writable`,
    /// device-readable or device-writable as its direction says. The
    /// queue keeps the token, and so the memory, until the device returns
    /// the chain. A virtio-blk request is its header, its data and its
    /// status byte. Errors and context as for `add`.
    pub fn add_lent(
        &self,
        readable: &[Buffer],
        writable: &[Buffer],
        token: T,
    ) -> core::result::Result<(), (Error, T)>
    where
        T: Lent,
    {
        let lent_writable = token.direction() == Direction::FromDevice;
        let dev = self.transport.pci();
        self.add_chain(token, |token, put| {
            for buf in readable {
                put(buf.dma_addr(), buf.len, false, Some(buf))?;
            }
            token.for_each_range(dev, &mut |addr, len| put(addr, len, lent_writable, None))?;
            for buf in writable {
                put(buf.dma_addr(), buf.len, true, Some(buf))?;
            }
            Ok(())
        })
    }

    /// Builds one chain under `token`: `fill` gets the token and `put`,
    /// which takes the next free descriptor for (device address, length,
    /// device-writable, the buffer to keep alive if any); its first error
    /// (or `put`'s) leaves the queue as it was and gives the token back.
    fn add_chain(
        &self,
        token: T,
        fill: impl FnOnce(&T, &mut dyn FnMut(u64, u32, bool, Option<&Buffer>) -> Result) -> Result,
    ) -> core::result::Result<(), (Error, T)> {
        let mut guard = self.state.lock_irqsave();
        let st = &mut *guard;
        if st.stopped {
            return Err((ENODEV, token));
        }
        let head = st.free_head;
        let mut chain = Chain {
            next: head,
            count: 0,
            writable: 0,
            pending: None,
        };
        let filled = fill(&token, &mut |addr, len, write, buf| {
            self.put_desc(st, &mut chain, addr, len, write, buf)
        });
        let filled = filled.and_then(|()| chain.pending.ok_or(EINVAL));
        let (last, meta) = match filled {
            Ok(last) => last,
            Err(err) => {
                // The descriptors taken are still on the free list: only
                // drop the buffers they were given.
                let mut d = head;
                for _ in 0..chain.count {
                    st.bufs[usize::from(d)] = None;
                    d = st.next[usize::from(d)];
                }
                return Err((err, token));
            }
        };
        // The last descriptor has no NEXT.
        let _ = self.desc.write(2 * last + 1, meta.to_le());
        st.free_head = chain.next;
        st.num_free -= chain.count;
        st.heads[usize::from(head)] = Some(InFlight {
            token,
            count: chain.count,
            writable: chain.writable,
        });
        let slot = usize::from(st.avail_idx % self.size);
        let _ = self.avail.write(2 + slot, head.to_le());
        // The device must see the chain and its slot before the new index.
        barrier::wmb();
        st.avail_idx = st.avail_idx.wrapping_add(1);
        let _ = self.avail.write(1, st.avail_idx.to_le());
        Ok(())
    }

    /// Fills the next free descriptor of `chain` for `add_chain`; the
    /// previous one, now known not to be the last, gets its NEXT flag.
    /// `EINVAL` for an empty range, `ENOSPC` when none is free.
    fn put_desc(
        &self,
        st: &mut State<T>,
        chain: &mut Chain,
        addr: u64,
        len: u32,
        write: bool,
        buf: Option<&Buffer>,
    ) -> Result {
        if len == 0 {
            return Err(EINVAL);
        }
        if chain.count == st.num_free {
            return Err(ENOSPC);
        }
        if let Some((prev, meta)) = chain.pending {
            let _ = self
                .desc
                .write(2 * prev + 1, (meta | VIRTQ_DESC_F_NEXT << 32).to_le());
        }
        // In bounds: `d` is a descriptor index, below `size`.
        let d = usize::from(chain.next);
        let link = st.next[d];
        let flags = if write { VIRTQ_DESC_F_WRITE } else { 0 };
        let _ = self.desc.write(2 * d, addr.to_le());
        chain.pending = Some((d, u64::from(len) | flags << 32 | u64::from(link) << 48));
        st.bufs[d] = buf.cloned();
        if write {
            chain.writable = chain.writable.saturating_add(len);
        }
        chain.count += 1;
        chain.next = link;
        Ok(())
    }

    /// Tells the device there are new chains, unless it asked not to be
    /// told. Any context; never sleeps.
    pub fn kick(&self) {
        // The new available index must be visible before we read the
        // device's flag, or the device could miss the chains.
        barrier::mb();
        let flags = self.used.read(0).map_or(0, u32::from_le) & 0xffff;
        if flags & VIRTQ_USED_F_NO_NOTIFY == 0 {
            self.transport.notify(self.notify_offset, self.index);
        }
    }

    /// The next chain the device has returned: its token and the number
    /// of bytes the device wrote to its writable buffers (at most their
    /// total length), or `None` if there is none yet. Frees the chain's
    /// descriptors and drops the queue's references to its buffers. Any
    /// context (typically the interrupt handler); never sleeps.
    pub fn get_buf(&self) -> Option<(T, u32)> {
        let mut st = self.state.lock_irqsave();
        loop {
            let used_idx = (self.used.read(0).map_or(0, u32::from_le) >> 16) as u16;
            if used_idx == st.last_used {
                return None;
            }
            // Read the element only after seeing the index that covers it.
            barrier::rmb();
            let slot = usize::from(st.last_used % self.size);
            st.last_used = st.last_used.wrapping_add(1);
            let id = self.used.read(1 + 2 * slot).map_or(u32::MAX, u32::from_le);
            let len = self.used.read(2 + 2 * slot).map_or(0, u32::from_le);
            let Some(chain) = usize::try_from(id).ok().and_then(|id| st.free_chain(id)) else {
                // Not a chain in flight: a device bug; skip the element.
                continue;
            };
            return Some((chain.token, len.min(chain.writable)));
        }
    }
}

impl<T: Send> Virtqueue<T> {
    /// Resets the device the first time, so it stops using every queue,
    /// then takes back a chain it never returned: its token, or `None`
    /// when no chain is left. Later [`add`](Virtqueue::add)s fail with
    /// `ENODEV`. For a driver's remove, to fail what was in flight
    /// (Linux's `virtqueue_detach_unused_buf()` after the reset). Any
    /// context; never sleeps.
    pub fn detach_unused_buf(&self) -> Option<T> {
        let mut st = self.state.lock_irqsave();
        if !st.stopped {
            // Under the lock: no chain is added while the device stops.
            self.transport.reset();
            st.stopped = true;
        }
        let head = st.heads.iter().position(Option::is_some)?;
        st.free_chain(head).map(|chain| chain.token)
    }
}

impl<T: Send> Drop for Virtqueue<T> {
    fn drop(&mut self) {
        // A queue cannot be taken back from a running device: reset it so
        // it stops using the rings and buffers before they are freed.
        self.transport.reset();
    }
}
