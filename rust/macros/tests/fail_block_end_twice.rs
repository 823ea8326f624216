// SPDX-License-Identifier: GPL-2.0-only

//! `make rustmacrocheck`: must NOT compile. Ending a block request
//! consumes its reference (`kernel::block::mq::Request::end_ok`), so a
//! driver cannot end it twice nor touch it after it ended.
// expect: use of moved value: `rq`

#![no_std]

use kernel::block::mq::{Operations, Request};
use kernel::prelude::*;
use kernel::types::ARef;

struct Twice;

#[vtable]
impl Operations for Twice {
    type RequestData = ();
    type QueueData = ();

    fn new_request_data() -> Result<()> {
        Ok(())
    }

    fn queue_rq(_: (), rq: ARef<Request<Self>>, _is_last: bool) -> Result {
        let _ = Request::end_ok(rq);
        let _ = Request::end_ok(rq);
        Ok(())
    }
}
