-- The kind of each asset (car, trailer, bicycle, e-bike, e-scooter, boat) for the fleet filter by
-- kind; every twin stored before kinds existed is a car.
ALTER TABLE vehicles ADD COLUMN kind text COLLATE "C" NOT NULL DEFAULT 'CAR';
CREATE INDEX vehicles_by_kind ON vehicles (kind, vehicle_id);
