//! The dependency graph of tasks (`after:`): its cycles, for `playbook
//! check`, found with Tarjan's strongly connected components (iterative, so
//! a chain of tens of thousands of tasks cannot overflow the stack), each
//! reported as one simple cycle through its component.

use crate::model::Idx;

/// Every cycle of `graph` (`graph[t]`: the nodes `t` waits for), one per
/// strongly connected component that has one, as nodes in order: `c[i]`
/// waits for `c[i + 1]`, the last for the first. Sorted by their smallest
/// node, each starting there.
pub fn cycles<T>(graph: &[&[Idx<T>]]) -> Vec<Vec<Idx<T>>> {
    let mut out = Vec::new();
    for comp in components(graph) {
        let cyclic = comp.len() > 1 || graph[comp[0].index()].contains(&comp[0]);
        if cyclic {
            out.push(one_cycle(graph, &comp));
        }
    }
    out.sort();
    out
}

/// Strongly connected components (Tarjan), each sorted ascending.
fn components<T>(graph: &[&[Idx<T>]]) -> Vec<Vec<Idx<T>>> {
    let n = graph.len();
    // Each node's number in the order Tarjan's walk reaches it.
    let mut index: Vec<Option<usize>> = vec![None; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut next = 0;
    let mut out = Vec::new();
    // (node, next edge to look at)
    let mut work: Vec<(usize, usize)> = Vec::new();
    for root in 0..n {
        if index[root].is_some() || graph[root].is_empty() {
            continue;
        }
        work.push((root, 0));
        while let Some(&(v, e)) = work.last() {
            if e == 0 && index[v].is_none() {
                index[v] = Some(next);
                low[v] = next;
                next += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(w) = graph[v].get(e).map(|w| w.index()) {
                if let Some(top) = work.last_mut() {
                    top.1 += 1;
                }
                if w >= n {
                    continue;
                }
                match index[w] {
                    None => work.push((w, 0)),
                    Some(iw) if on_stack[w] => low[v] = low[v].min(iw),
                    Some(_) => {}
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if Some(low[v]) == index[v] {
                let mut comp = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    comp.push(Idx::new(w));
                    if w == v {
                        break;
                    }
                }
                comp.sort_unstable();
                out.push(comp);
            }
        }
    }
    out
}

/// A shortest cycle through the component's smallest node, staying inside
/// the component (breadth first from it back to it).
fn one_cycle<T>(graph: &[&[Idx<T>]], comp: &[Idx<T>]) -> Vec<Idx<T>> {
    let start = comp[0];
    if graph[start.index()].contains(&start) {
        return vec![start];
    }
    let inside = |x: Idx<T>| comp.binary_search(&x).is_ok();
    let mut came_from: std::collections::HashMap<Idx<T>, Idx<T>> = Default::default();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(v) = queue.pop_front() {
        for &w in graph[v.index()] {
            if w == start {
                let mut path = vec![v];
                let mut x = v;
                while x != start {
                    x = came_from[&x];
                    path.push(x);
                }
                path.reverse();
                return path;
            }
            if inside(w) && w != start && !came_from.contains_key(&w) {
                came_from.insert(w, v);
                queue.push_back(w);
            }
        }
    }
    comp.to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Task;

    fn g(edges: &[&[usize]]) -> Vec<Vec<usize>> {
        let typed: Vec<Vec<Idx<Task>>> = edges
            .iter()
            .map(|e| e.iter().map(|&i| Idx::new(i)).collect())
            .collect();
        let refs: Vec<&[Idx<Task>]> = typed.iter().map(Vec::as_slice).collect();
        cycles(&refs)
            .into_iter()
            .map(|c| c.into_iter().map(Idx::index).collect())
            .collect()
    }

    #[test]
    fn a_chain_has_no_cycle() {
        assert!(g(&[&[1], &[2], &[]]).is_empty());
    }

    #[test]
    fn a_cycle_is_given_in_order_from_its_smallest_task() {
        // 0 waits for 2, 2 for 1, 1 for 0.
        assert_eq!(g(&[&[2], &[0], &[1]]), vec![vec![0, 2, 1]]);
    }

    #[test]
    fn two_cycles_are_two_reports_and_a_self_loop_is_one() {
        let c = g(&[&[1], &[0], &[3], &[2], &[4]]);
        assert_eq!(c, vec![vec![0, 1], vec![2, 3], vec![4]]);
    }

    #[test]
    fn a_long_chain_does_not_overflow_the_stack() {
        let n = 200_000;
        let edges: Vec<Vec<usize>> = (0..n).map(|i| vec![(i + 1) % n]).collect();
        let refs: Vec<&[usize]> = edges.iter().map(Vec::as_slice).collect();
        let c = g(&refs);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].len(), n);
    }
}
