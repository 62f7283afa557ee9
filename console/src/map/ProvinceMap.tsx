import type { FeatureCollection } from 'geojson';
import { LngLatBounds, Map as MapLibreMap, NavigationControl, type GeoJSONSource, type LayerSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'react';

/** A GeoJSON layer drawn on the map: its data and how its features look (MapLibre's style language). */
export interface MapLayer {
  id: string;
  data: FeatureCollection;
  /** The layer's style without `id` and `source` (e.g. `{ type: 'circle', paint: { … } }`). */
  style: Omit<LayerSpecification, 'id' | 'source'>;
  /** Called with a clicked feature's properties. */
  onClick?(properties: Record<string, unknown>): void;
}

/**
 * The province drawn from the hub's own GeoJSON: no tile server and no font or sprite from elsewhere (the
 * center's networks are closed), a plain background with the layers on it, fitted to their features.
 */
export function ProvinceMap({ layers, label, height = 420 }: { layers: MapLayer[]; label: string; height?: number | string }) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibreMap | null>(null);
  const fitted = useRef(false);

  useEffect(() => {
    const created = new MapLibreMap({
      container: container.current!,
      style: { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#0e1a2b' } }] },
      center: [106.9, 11.7],
      zoom: 8,
      attributionControl: false,
      // Nothing may be fetched from elsewhere: no glyphs or sprites are named, and requests are checked.
      transformRequest: (url: string) =>
        new URL(url, window.location.href).origin === window.location.origin ? { url } : { url: 'about:blank' },
    });
    created.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.current = created;
    return () => {
      created.remove();
      map.current = null;
      fitted.current = false;
    };
  }, []);

  useEffect(() => {
    const current = map.current;
    if (!current) return;
    const apply = () => {
      for (const layer of layers) {
        const source = current.getSource(layer.id) as GeoJSONSource | undefined;
        if (source) source.setData(layer.data);
        else {
          current.addSource(layer.id, { type: 'geojson', data: layer.data });
          current.addLayer({ ...layer.style, id: layer.id, source: layer.id } as LayerSpecification);
          if (layer.onClick) {
            const onClick = layer.onClick;
            current.on('click', layer.id, (event) => event.features?.[0] && onClick(event.features[0].properties ?? {}));
          }
        }
      }
      if (!fitted.current) fitted.current = fitToFeatures(current, layers);
    };
    if (current.isStyleLoaded()) apply();
    else current.once('load', apply);
  }, [layers]);

  return <div ref={container} role="img" aria-label={label} className="province-map" style={{ height, width: '100%' }} />;
}

/** Fits the view to the layers' points; false while they have none. */
function fitToFeatures(map: MapLibreMap, layers: MapLayer[]): boolean {
  const bounds = new LngLatBounds();
  let any = false;
  for (const layer of layers) {
    for (const feature of layer.data.features) {
      if (feature.geometry?.type === 'Point') {
        bounds.extend(feature.geometry.coordinates as [number, number]);
        any = true;
      }
    }
  }
  if (any) map.fitBounds(bounds, { padding: 40, animate: false, maxZoom: 12 });
  return any;
}
