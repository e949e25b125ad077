fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let t = std::time::Instant::now();
    let n = sre_prep::postmortem::normalise::normalise(&text);
    eprintln!("normalise {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let s = sre_prep::score::beats::sections(&n);
    eprintln!("sections {:?} {}", t.elapsed(), s.len());
    let t = std::time::Instant::now();
    let d = sre_prep::postmortem::draft(&text);
    eprintln!("draft {:?} {}", t.elapsed(), d.claims.len());
}
