//! dis (to be written).
