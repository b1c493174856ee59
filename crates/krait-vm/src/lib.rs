//! krait-vm (being written).
