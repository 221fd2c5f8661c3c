/** Loads data for a screen and keeps the failure, if any, to show it. */
import { useCallback, useEffect, useState } from "react";
import type { Failure } from "../../core/bindings";
import { toFailure } from "../../core/backend";

export type Load<T> = {
    data: T | undefined;
    failure: Failure | null;
    loading: boolean;
    reload: () => Promise<void>;
    setData: (update: (previous: T) => T) => void;
};

export function useLoad<T>(fetch: () => Promise<T>, deps: readonly unknown[]): Load<T> {
    const [data, setDataState] = useState<T | undefined>(undefined);
    const [failure, setFailure] = useState<Failure | null>(null);
    const [loading, setLoading] = useState(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists the dependencies, as for useEffect
    const run = useCallback(fetch, deps);

    const reload = useCallback(async () => {
        try {
            const value = await run();
            setDataState(value);
            setFailure(null);
        } catch (error) {
            setFailure(toFailure(error));
        } finally {
            setLoading(false);
        }
    }, [run]);

    useEffect(() => {
        let live = true;
        setLoading(true);
        run().then(
            value => {
                if (!live) return;
                setDataState(value);
                setFailure(null);
                setLoading(false);
            },
            error => {
                if (!live) return;
                setFailure(toFailure(error));
                setLoading(false);
            }
        );
        return () => {
            live = false;
        };
    }, [run]);

    const setData = useCallback((update: (previous: T) => T) => {
        setDataState(previous => (previous === undefined ? previous : update(previous)));
    }, []);

    return { data, failure, loading, reload, setData };
}
